package cn.mubiao.scoring.assessment.application;

import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.application.AssessUnits.RuleInForce;
import cn.mubiao.scoring.assessment.domain.RuleSet;
import cn.mubiao.scoring.assessment.domain.ScoringRules;
import cn.mubiao.scoring.assessment.persistence.RuleSetStore;
import org.springframework.stereotype.Component;

import java.util.function.UnaryOperator;

/**
 * Writes a year's rule set: each revision a new draft version (the first over seed 003's version 1 is version 2),
 * refused (409) once the assessment of the year started and froze it.
 */
@Component
public class ReviseRuleSets {

    private static final int ATTEMPTS = 5;

    private final AssessUnits assessment;
    private final RuleSetStore ruleSets;

    ReviseRuleSets(AssessUnits assessment, RuleSetStore ruleSets) {
        this.assessment = assessment;
        this.ruleSets = ruleSets;
    }

    /** @param change the new rules, given the rules in force (a field left out keeps its value) */
    public RuleInForce revise(int year, UnaryOperator<ScoringRules> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            RuleSet ruleSet = assessment.ruleSet(year).ruleSet();
            ruleSet.revise(change.apply(ruleSet.rules()));
            if (ruleSets.save(ruleSet)) {
                return new RuleInForce(ruleSet, true);
            }
        }
        throw ProblemException.conflict("ruleSet", "考核规则正被他人同时修改，请重试 / the rule set is being changed: try again");
    }

    /** Freezes the year's rule set as it stands (storing seed 003's when none was written); freezing twice is harmless. */
    public RuleInForce freeze(int year) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            RuleSet ruleSet = assessment.ruleSet(year).ruleSet();
            if (ruleSet.frozen()) {
                return new RuleInForce(ruleSet, true);
            }
            ruleSet.freeze();
            if (ruleSets.save(ruleSet)) {
                return new RuleInForce(ruleSet, true);
            }
        }
        throw ProblemException.conflict("ruleSet", "考核规则正被他人同时修改，请重试 / the rule set is being changed: try again");
    }
}
