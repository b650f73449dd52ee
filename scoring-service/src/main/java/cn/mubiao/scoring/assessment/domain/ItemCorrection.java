package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;

/**
 * An item's outcome as judged by the target office before publication (a qualitative item's quality, a missing item,
 * a miss for policy or force majeure) or corrected on appeal: exactly one of a completion (quantitative), a quality
 * (qualitative), the reason it is a missing item (缺项, 第十六条) or the reason it was fully carried out but missed for
 * policy or force majeure (第十七条).
 */
public record ItemCorrection(String assignmentId, BigDecimal completion, Quality quality, String missingReason,
                             String policyMissReason) {

    public ItemCorrection(String assignmentId, BigDecimal completion, Quality quality, String missingReason) {
        this(assignmentId, completion, quality, missingReason, null);
    }

    public ItemCorrection {
        if (assignmentId == null || assignmentId.isBlank()) {
            throw new InvalidInput("item.assignmentId", "必填 / required");
        }
        missingReason = blankToNull(missingReason);
        policyMissReason = blankToNull(policyMissReason);
        int given = (completion != null ? 1 : 0) + (quality != null ? 1 : 0) + (missingReason != null ? 1 : 0)
                + (policyMissReason != null ? 1 : 0);
        if (given != 1) {
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

    public Outcome outcome() {
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
        return sheet.withItem(item.withOutcome(outcome()));
    }
}
