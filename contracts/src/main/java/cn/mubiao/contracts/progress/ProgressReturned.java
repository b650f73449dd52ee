package cn.mubiao.contracts.progress;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.Instant;

/**
 * The monitoring unit returned a report to the unit (退回) with a reason: the reporter is told and corrects it.
 *
 * @param reportedBy  the user who submitted the version returned: the one to tell
 * @param targetTitle the target's title, for the message
 * @param unitName    the unit's name, for the message
 */
public record ProgressReturned(
        String reportId,
        String assignmentId,
        String unitCode,
        String period,
        int reportVersion,
        String reason,
        String reportedBy,
        String returnedBy,
        String returnerUnitCode,
        Instant returnedAt,
        String targetTitle,
        String unitName) implements MubiaoEvent {

    public static final String TYPE = "mubiao.progress.ProgressReturned.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
