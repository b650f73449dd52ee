package cn.mubiao.contracts.progress;

import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A unit submitted its progress report for a period (the first version; corrections follow as
 * {@link ProgressCorrected}).
 *
 * @param period           period code: {@code 2024}, {@code 2024S1}, {@code 2024Q3} or {@code 202407}
 * @param cumulativeActual the cumulative actual value at the end of the period; null for a qualitative target
 * @param completion       actual against target as reported (not capped), e.g. 0.475; for a qualitative target the
 *                         share of milestones done
 * @param version          1
 * @param milestones       where each milestone stands, for a qualitative target
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
        boolean late,
        Integer version,
        List<MilestoneProgress> milestones) implements MubiaoEvent {

    public static final String TYPE = "mubiao.progress.ProgressReported.v1";

    public ProgressReported {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** A numeric report's first version. */
    public ProgressReported(String reportId, String assignmentId, String unitCode, String period,
                            BigDecimal cumulativeActual, BigDecimal completion, String reportedBy, Instant reportedAt,
                            boolean late) {
        this(reportId, assignmentId, unitCode, period, cumulativeActual, completion, reportedBy, reportedAt, late, 1,
                List.of());
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
