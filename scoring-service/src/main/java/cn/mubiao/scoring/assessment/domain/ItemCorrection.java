package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;

/**
 * An item's outcome as judged by the target office before publication (a qualitative item's quality, a missing item,
 * a miss for policy or force majeure) or corrected on appeal: exactly one of a completion (quantitative), a quality
 * (qualitative), the reason it is a missing item (缺项, 第十六条) or the reason it was fully carried out but missed for
 * policy or force majeure (第十七条); or, alone, that the unit holds the item as a co-unit that did not pull its
 * weight (第十八条: it is scored with the lead's factor).
 *
 * @param coUnit the lead's unit and outcome, when the item is held as a co-unit marked as not pulling its weight
 */
public record ItemCorrection(String assignmentId, BigDecimal completion, Quality quality, String missingReason,
                             String policyMissReason, CoUnit coUnit) {

    public ItemCorrection(String assignmentId, BigDecimal completion, Quality quality, String missingReason) {
        this(assignmentId, completion, quality, missingReason, null, null);
    }

    public ItemCorrection(String assignmentId, BigDecimal completion, Quality quality, String missingReason,
                          String policyMissReason) {
        this(assignmentId, completion, quality, missingReason, policyMissReason, null);
    }

    /** The item is held as a co-unit of the lead's, which ended with {@code leadOutcome}; it did not pull its weight. */
    public static ItemCorrection coUnitOf(String assignmentId, String leadUnitCode, Outcome leadOutcome) {
        return new ItemCorrection(assignmentId, null, null, null, null, new CoUnit(leadUnitCode, leadOutcome, true));
    }

    public ItemCorrection {
        if (assignmentId == null || assignmentId.isBlank()) {
            throw new InvalidInput("item.assignmentId", "必填 / required");
        }
        missingReason = blankToNull(missingReason);
        policyMissReason = blankToNull(policyMissReason);
        int given = (completion != null ? 1 : 0) + (quality != null ? 1 : 0) + (missingReason != null ? 1 : 0)
                + (policyMissReason != null ? 1 : 0);
        if (given != 1 && !(given == 0 && coUnit != null)) {
            throw new InvalidInput("item", "须且只须给出 completion、quality、missingReason 或 policyMissReason 之一 / give "
                    + "exactly one of completion, quality, missingReason, policyMissReason");
        }
        if (missingReason != null && missingReason.length() > 500 || policyMissReason != null && policyMissReason.length() > 500) {
            throw new InvalidInput("item.reason", "理由不超过500字 / a reason of at most 500 characters");
        }
        if (completion != null && completion.signum() < 0) {
            throw new InvalidInput("item.completion", "不得为负数 / must not be negative");
        }
    }

    /** The outcome it sets; null for a co-unit mark alone (the item keeps its own). */
    public Outcome outcome() {
        if (coUnit != null && completion == null && quality == null && missingReason == null && policyMissReason == null) {
            return null;
        }
        if (completion != null) {
            return new Outcome.Quantitative(completion);
        }
        if (quality != null) {
            return new Outcome.Qualitative(quality);
        }
        return missingReason != null ? new Outcome.Missing(missingReason) : new Outcome.PolicyMiss(policyMissReason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The sheet with this item's outcome replaced; an item the unit does not hold is a 400. */
    public UnitSheet applyTo(UnitSheet sheet) {
        Item item = sheet.items().stream().filter(i -> i.code().equals(assignmentId)).findFirst()
                .orElseThrow(() -> new InvalidInput("item.assignmentId", "单位没有考核项目" + assignmentId
                        + " / the unit holds no item " + assignmentId));
        Item next = outcome() == null ? item : item.withOutcome(outcome());
        if (coUnit != null) {
            next = next.asCoUnitOf(coUnit.leadUnitCode(), coUnit.leadOutcome(), coUnit.notPullingWeight());
        }
        return sheet.withItem(next);
    }
}
