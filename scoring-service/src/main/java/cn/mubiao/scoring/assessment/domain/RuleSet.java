package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;

/**
 * The rules of one plan year's assessment, versioned: a draft changes by {@link #revise} (each change a new
 * version) until the assessment starts and {@link #freeze()}s it; after that any change is refused. A what-if
 * works on {@link #draftNext()}, a new unfrozen version that touches nothing.
 */
public final class RuleSet {

    private final int planYear;
    private int version;
    private ScoringRules rules;
    private boolean frozen;

    private RuleSet(int planYear, int version, ScoringRules rules, boolean frozen) {
        if (planYear < 1949 || planYear > 2999) {
            throw new InvalidInput("planYear", "年度无效 / invalid plan year");
        }
        if (version < 1) {
            throw new InvalidInput("version", "版本从1开始 / versions start at 1");
        }
        if (rules == null) {
            throw new InvalidInput("rules", "必填 / required");
        }
        this.planYear = planYear;
        this.version = version;
        this.rules = rules;
        this.frozen = frozen;
    }

    /** Seed 003's rules as version 1 of the year, a draft. */
    public static RuleSet defaultFor(int planYear) {
        return new RuleSet(planYear, 1, ScoringRules.seed003(), false);
    }

    public static RuleSet draft(int planYear, ScoringRules rules) {
        return new RuleSet(planYear, 1, rules, false);
    }

    public static RuleSet restore(int planYear, int version, ScoringRules rules, boolean frozen) {
        return new RuleSet(planYear, version, rules, frozen);
    }

    /** Replaces the rules by a new version; refused once frozen. */
    public void revise(ScoringRules next) {
        if (frozen) {
            throw new RuleViolation("ruleSet", planYear + "年度考核规则第" + version + "版已冻结，不能修改 / the rule set of "
                    + planYear + " v" + version + " is frozen: the assessment has started");
        }
        if (next == null) {
            throw new InvalidInput("rules", "必填 / required");
        }
        this.rules = next;
        this.version++;
    }

    /** The assessment started: from now on the rules are fixed. Freezing twice is harmless. */
    public void freeze() {
        this.frozen = true;
    }

    /** A new unfrozen version with the same rules, for a what-if or the next revision; this one is unchanged. */
    public RuleSet draftNext() {
        return new RuleSet(planYear, version + 1, rules, false);
    }

    public int planYear() {
        return planYear;
    }

    public int version() {
        return version;
    }

    public ScoringRules rules() {
        return rules;
    }

    public boolean frozen() {
        return frozen;
    }

    @Override
    public String toString() {
        return "RuleSet[" + planYear + " v" + version + (frozen ? " frozen" : " draft") + "]";
    }
}
