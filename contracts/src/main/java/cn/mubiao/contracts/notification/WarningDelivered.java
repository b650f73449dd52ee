package cn.mubiao.contracts.notification;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.Instant;

/**
 * A notification reached a recipient over one channel. Keyed by the assignment id, or by the unit code for a notice
 * about no single assignment (a published year-end result).
 *
 * @param assignmentId the assignment the notice is about; null for a published year-end result
 * @param unitCode     the unit whose people were told
 * @param channel      {@code EMAIL} or {@code SMS}
 */
public record WarningDelivered(
        String deliveryId,
        String sourceEventId,
        String assignmentId,
        String unitCode,
        String recipient,
        String channel,
        String address,
        Instant deliveredAt) implements MubiaoEvent {

    public static final String TYPE = "mubiao.notification.WarningDelivered.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId != null ? assignmentId : unitCode;
    }
}
