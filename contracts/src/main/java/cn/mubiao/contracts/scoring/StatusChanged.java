package cn.mubiao.contracts.scoring;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;

/**
 * The lag status of an assignment in a period changed. Published once per change.
 *
 * @param expectedShare the schedule's expected share of the annual target at the period end (0..1)
 * @param completion    the completion used (0.., not capped)
 * @param gapPoints     expected minus completion, in percentage points (negative when ahead)
 * @param reason        why, in Chinese, e.g. {@code 完成47.5%，低于序时进度58.3%，差距10.8个百分点}
 */
public record StatusChanged(
        String assignmentId,
        String unitCode,
        String unitName,
        String targetCode,
        String targetTitle,
        String period,
        LagStatus previousStatus,
        LagStatus status,
        BigDecimal expectedShare,
        BigDecimal completion,
        BigDecimal gapPoints,
        BigDecimal actual,
        BigDecimal targetValue,
        String unitOfMeasure,
        String reason) implements MubiaoEvent {

    public static final String TYPE = "mubiao.scoring.StatusChanged.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
