package cn.mubiao.contracts.notification;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.Instant;

/**
 * A warning reached a recipient over one channel.
 *
 * @param channel {@code EMAIL} or {@code SMS}
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
        return assignmentId;
    }
}
