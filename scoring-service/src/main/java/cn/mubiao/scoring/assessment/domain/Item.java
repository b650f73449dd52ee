package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;

/**
 * One item (an assignment) of a unit's responsibility letter, as assessed at year end.
 *
 * @param standardScore s, the item's share of the unit's 100 base points
 * @param fraud         虚报瞒报、弄虚作假 found on the item (第十六条): overrides the outcome
 * @param coUnit        present when the unit holds the item as a co-unit
 * @param provinceAssessed the target is one the province assesses the city on (aligned with its catalogue, or of
 *                         province source): a rule set may weigh it more ({@link ScoringRules#provinceWeight})
 */
public record Item(String code, String title, BigDecimal standardScore, Outcome outcome, boolean fraud, CoUnit coUnit,
                   boolean provinceAssessed) {

    public Item(String code, String title, BigDecimal standardScore, Outcome outcome, boolean fraud, CoUnit coUnit) {
        this(code, title, standardScore, outcome, fraud, coUnit, false);
    }

    public Item {
        if (code == null || code.isBlank()) {
            throw new InvalidInput("code", "必填 / required");
        }
        if (standardScore == null || standardScore.signum() <= 0) {
            throw new InvalidInput("standardScore", "标准分须为正数 / must be positive");
        }
        if (outcome == null) {
            throw new InvalidInput("outcome", "必填 / required");
        }
        title = title == null ? "" : title;
    }

    public static Item quantitative(String code, String s, String completion) {
        return new Item(code, "", new BigDecimal(s), new Outcome.Quantitative(new BigDecimal(completion)), false, null);
    }

    public static Item qualitative(String code, String s, Quality quality) {
        return new Item(code, "", new BigDecimal(s), new Outcome.Qualitative(quality), false, null);
    }

    public static Item missing(String code, String s, String reason) {
        return new Item(code, "", new BigDecimal(s), new Outcome.Missing(reason), false, null);
    }

    public static Item policyMiss(String code, String s, String reason) {
        return new Item(code, "", new BigDecimal(s), new Outcome.PolicyMiss(reason), false, null);
    }

    public Item fraudulent() {
        return new Item(code, title, standardScore, outcome, true, coUnit, provinceAssessed);
    }

    public Item asCoUnitOf(String leadUnitCode, Outcome leadOutcome, boolean notPullingWeight) {
        return new Item(code, title, standardScore, outcome, fraud, new CoUnit(leadUnitCode, leadOutcome, notPullingWeight),
                provinceAssessed);
    }

    public Item withOutcome(Outcome next) {
        return new Item(code, title, standardScore, next, fraud, coUnit, provinceAssessed);
    }

    public Item asProvinceAssessed() {
        return new Item(code, title, standardScore, outcome, fraud, coUnit, true);
    }

    /** The same item weighing {@code weight} of the unit's base instead of its standard score (a tilted rule set). */
    public Item weighing(BigDecimal weight) {
        return new Item(code, title, weight, outcome, fraud, coUnit, provinceAssessed);
    }
}
