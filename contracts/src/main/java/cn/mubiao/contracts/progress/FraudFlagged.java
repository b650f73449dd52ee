package cn.mubiao.contracts.progress;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.Instant;

/**
 * The monitoring unit flagged a report as false (虚报瞒报): scoring applies the fraud rule to the item.
 */
public record FraudFlagged(
        String reportId,
        String assignmentId,
        String unitCode,
        String period,
        int reportVersion,
        String reason,
        String reportedBy,
        String flaggedBy,
        String flaggerUnitCode,
        Instant flaggedAt) implements MubiaoEvent {

    public static final String TYPE = "mubiao.progress.FraudFlagged.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
