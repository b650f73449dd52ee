package cn.mubiao.contracts.progress;

import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A unit submitted its progress report for a period.
 *
 * @param period         period code: {@code 2024}, {@code 2024S1}, {@code 2024Q3} or {@code 202407}
 * @param cumulativeActual the cumulative actual value at the end of the period
 * @param completion     actual against target as reported (not capped), e.g. 0.475
 */
public record ProgressReported(
        String reportId,
        String assignmentId,
        String unitCode,
        String period,
        BigDecimal cumulativeActual,
        BigDecimal completion,
        String reportedBy,
        Instant reportedAt,
        boolean late) implements MubiaoEvent {

    public static final String TYPE = "mubiao.progress.ProgressReported.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
