package cn.mubiao.contracts.target;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.Instant;

/** An issued assignment was withdrawn (撤销) by the issuing target office: no more reports, no score. */
public record AssignmentWithdrawn(
        String assignmentId,
        String planId,
        String unitCode,
        String reason,
        String withdrawnBy,
        Instant withdrawnAt,
        long version) implements MubiaoEvent {

    public static final String TYPE = "mubiao.target.AssignmentWithdrawn.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
