package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;

/**
 * An item's outcome as corrected on appeal: exactly one of a completion (quantitative), a quality (qualitative) or
 * the reason it is a missing item (缺项).
 */
public record ItemCorrection(String assignmentId, BigDecimal completion, Quality quality, String missingReason) {

    public ItemCorrection {
        if (assignmentId == null || assignmentId.isBlank()) {
            throw new InvalidInput("item.assignmentId", "必填 / required");
        }
        int given = (completion != null ? 1 : 0) + (quality != null ? 1 : 0) + (missingReason != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInput("item", "须且只须给出 completion、quality 或 missingReason 之一 / give exactly one of "
                    + "completion, quality, missingReason");
        }
        if (completion != null && completion.signum() < 0) {
            throw new InvalidInput("item.completion", "不得为负数 / must not be negative");
        }
    }

    public Outcome outcome() {
        if (completion != null) {
            return new Outcome.Quantitative(completion);
        }
        return quality != null ? new Outcome.Qualitative(quality) : new Outcome.Missing(missingReason);
    }

    /** The sheet with this item's outcome replaced; an item the unit does not hold is a 400. */
    public UnitSheet applyTo(UnitSheet sheet) {
        Item item = sheet.items().stream().filter(i -> i.code().equals(assignmentId)).findFirst()
                .orElseThrow(() -> new InvalidInput("item.assignmentId", "单位没有考核项目" + assignmentId
                        + " / the unit holds no item " + assignmentId));
        return sheet.withItem(item.withOutcome(outcome()));
    }
}
