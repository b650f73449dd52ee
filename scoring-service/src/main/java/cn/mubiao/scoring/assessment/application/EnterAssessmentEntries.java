package cn.mubiao.scoring.assessment.application;

import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.domain.BrokenRule;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts;
import cn.mubiao.scoring.assessment.domain.Category;
import cn.mubiao.scoring.assessment.domain.CoUnitMark;
import cn.mubiao.scoring.assessment.domain.ItemCorrection;
import cn.mubiao.scoring.assessment.domain.Rating;
import cn.mubiao.scoring.assessment.domain.UnitEntries;
import cn.mubiao.scoring.assessment.domain.UnitEntries.EnteredClaim;
import cn.mubiao.scoring.assessment.domain.Veto;
import cn.mubiao.scoring.assessment.persistence.EntriesStore;
import cn.mubiao.scoring.assessment.persistence.ResultStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Entry of what the platform's data does not carry (claims, vetoes, the comprehensive evaluation, bottom-up
 * ratings), until the unit's result is published. Each change is read, checked against the rule set in force,
 * and written under a version guard; a refused change writes nothing.
 */
@Component
public class EnterAssessmentEntries {

    private static final int ATTEMPTS = 5;

    private final EntriesStore entries;
    private final ResultStore results;
    private final AssessUnits assessment;
    private final Clock clock;

    EnterAssessmentEntries(EntriesStore entries, ResultStore results, AssessUnits assessment, Clock clock) {
        this.entries = entries;
        this.results = results;
        this.assessment = assessment;
        this.clock = clock;
    }

    public UnitEntries entries(int year, String unitCode) {
        return entries.find(year, unitCode);
    }

    public EnteredClaim fileClaim(int year, String unitCode, String ruleCode, BigDecimal points, String subject,
                                  List<String> evidence, String reviewer, String username) {
        var rules = assessment.ruleSetOf(unitCode, year).ruleSet().rules();
        return change(year, unitCode, e -> e.fileClaim(ruleCode, points, subject, evidence, reviewer, rules, username,
                clock.instant()));
    }

    public EnteredClaim withdrawClaim(int year, String unitCode, String claimId, String username) {
        return change(year, unitCode, e -> e.withdrawClaim(claimId, username));
    }

    public UnitEntries findVeto(int year, String unitCode, Veto veto) {
        var rules = assessment.ruleSetOf(unitCode, year).ruleSet().rules();
        return change(year, unitCode, e -> {
            e.findVeto(veto, rules);
            return e;
        });
    }

    public UnitEntries evaluate(int year, String unitCode, BigDecimal value) {
        var rules = assessment.ruleSetOf(unitCode, year).ruleSet().rules();
        return change(year, unitCode, e -> {
            e.evaluate(value, rules);
            return e;
        });
    }

    /**
     * The office's judgement of one of the unit's items (a qualitative item's quality, a missing item, a miss for
     * policy or force majeure); the unit must hold the item live this year (404 otherwise).
     */
    public UnitEntries judge(int year, String unitCode, ItemCorrection judgement) {
        boolean qualitative = liveItem(year, unitCode, judgement.assignmentId()).terms().qualitative();
        return change(year, unitCode, e -> {
            e.judge(judgement, qualitative);
            return e;
        });
    }

    /** Takes an item's judgement back (the item is scored on the data again). */
    public UnitEntries clearJudgement(int year, String unitCode, String assignmentId) {
        liveItem(year, unitCode, assignmentId);
        return change(year, unitCode, e -> {
            e.clearJudgement(assignmentId);
            return e;
        });
    }

    /** One of the year's regular quarterly assessments of the unit (平时考核), its base 0–100. */
    public UnitEntries assessQuarter(int year, String unitCode, int quarter, BigDecimal base) {
        return change(year, unitCode, e -> {
            e.assessQuarter(quarter, base);
            return e;
        });
    }

    /**
     * 第十八条: the unit's item is its part in co-handling the lead's assignment, and it did not pull its weight. The
     * unit must be one of that assignment's co-units (422 otherwise).
     */
    public UnitEntries markCoUnit(int year, String unitCode, CoUnitMark mark) {
        liveItem(year, unitCode, mark.itemId());
        AssignmentFacts lead = mark.leadUnitCode() == null ? null : assessment.facts(year, mark.leadUnitCode())
                .flatMap(u -> u.live().stream().filter(a -> a.assignmentId().equals(mark.leadAssignmentId())).findFirst())
                .orElse(null);
        if (lead == null) {
            throw ProblemException.notFound("leadAssignmentId", mark.leadAssignmentId());
        }
        if (!lead.terms().coUnitCodes().contains(unitCode)) {
            throw new BrokenRule("leadAssignmentId", unitCode + "不是" + mark.leadAssignmentId() + "的协办单位 / " + unitCode
                    + " is not a co-unit of " + mark.leadAssignmentId());
        }
        return change(year, unitCode, e -> {
            e.markCoUnit(mark);
            return e;
        });
    }

    public UnitEntries clearCoUnitMark(int year, String unitCode, String itemId) {
        liveItem(year, unitCode, itemId);
        return change(year, unitCode, e -> {
            e.clearCoUnitMark(itemId);
            return e;
        });
    }

    private AssignmentFacts liveItem(int year, String unitCode, String assignmentId) {
        return assessment.facts(year, unitCode).flatMap(u -> u.live().stream()
                        .filter(a -> a.assignmentId().equals(assignmentId)).findFirst())
                .orElseThrow(() -> ProblemException.notFound("item", year + "/" + unitCode + "/" + assignmentId));
    }

    /**
     * A town's or street's rating of a department of its own government's area (第十二条(二)3), 0–5; a unit never
     * rates itself. The rater's category comes from the unit tree.
     */
    public UnitEntries rate(int year, String raterUnitCode, String ratedUnitCode, BigDecimal score) {
        if (score == null || score.signum() < 0 || score.compareTo(Rating.MAX) > 0) {
            throw new InvalidInput("score", "评分须在0到5分之间 / must be between 0 and 5");
        }
        if (ratedUnitCode.equals(raterUnitCode)) {
            throw new InvalidInput("unitCode", "不能为本单位评分 / a unit does not rate itself");
        }
        Category raterCategory = categoryOf(raterUnitCode);
        if (raterCategory != Category.TOWN && raterCategory != Category.STREET) {
            throw ProblemException.forbidden("只有镇乡、街道评议区直部门 / only towns and streets rate departments");
        }
        if (categoryOf(ratedUnitCode) != Category.DEPARTMENT
                || !UnitCodes.isWithin(raterUnitCode, UnitCodes.region(ratedUnitCode))) {
            throw new BrokenRule("unitCode", ratedUnitCode + "不是本区的区直部门 / not a department of the rater's "
                    + "government");
        }
        Rating rating = new Rating(raterUnitCode, raterCategory, ratedUnitCode, score);
        return change(year, ratedUnitCode, e -> {
            e.rated(rating);
            return e;
        });
    }

    private Category categoryOf(String unitCode) {
        return assessment.unit(unitCode).map(UnitChanged::assessmentCategory).flatMap(Categories::of).orElse(null);
    }

    private <T> T change(int year, String unitCode, Function<UnitEntries, T> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (results.isPublished(year, unitCode)) {
                throw new RuleViolation("unitCode", year + "年度" + unitCode + "的考核结果已发布，不能再录入 / the result "
                        + "is published: entries are closed (appeal instead)");
            }
            UnitEntries e = entries.find(year, unitCode);
            T answer = change.apply(e);
            if (entries.save(e)) {
                return answer;
            }
        }
        throw ProblemException.conflict("unitCode", "正被他人同时修改，请重试 / being changed at the same moment: try again");
    }
}
