package cn.mubiao.contracts.target;

import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An issued assignment was adjusted (目标调整): asked for by the unit and approved, or ordered from above.
 * The full new terms follow as a {@code TargetAssigned} of the same version; this event says what changed
 * and why.
 *
 * @param ordered true when ordered from above (applies at any time), false when the unit asked
 */
public record TargetAdjusted(
        String assignmentId,
        String adjustmentId,
        String planId,
        String unitCode,
        BigDecimal previousTargetValue,
        BigDecimal targetValue,
        BigDecimal previousStandardScore,
        BigDecimal standardScore,
        String reason,
        boolean ordered,
        String decidedBy,
        Instant effectiveFrom,
        long version) implements MubiaoEvent {

    public static final String TYPE = "mubiao.target.TargetAdjusted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
