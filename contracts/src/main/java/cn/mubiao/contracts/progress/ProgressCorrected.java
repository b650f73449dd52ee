package cn.mubiao.contracts.progress;

import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A unit corrected its report for a period: a new version beside the earlier ones, which stay as they were.
 * The report waits for verification again.
 *
 * @param version          2 for the first correction, +1 for each further one
 * @param cumulativeActual the corrected cumulative actual; null for a qualitative target
 * @param completion       actual against target (not capped)
 * @param reason           why it was corrected, as the unit said
 */
public record ProgressCorrected(
        String reportId,
        String assignmentId,
        String unitCode,
        String period,
        int version,
        BigDecimal cumulativeActual,
        BigDecimal completion,
        List<MilestoneProgress> milestones,
        String reason,
        String correctedBy,
        Instant correctedAt,
        boolean late) implements MubiaoEvent {

    public static final String TYPE = "mubiao.progress.ProgressCorrected.v1";

    public ProgressCorrected {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
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
