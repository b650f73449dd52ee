package cn.mubiao.contracts.notification;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.Instant;

/**
 * A notification did not reach its recipient over one channel and will not be tried again unless an operator resends
 * it: every attempt failed ({@code DEAD}), the address was refused ({@code INVALID_ADDRESS}), or the SMSC reported
 * the SMS undeliverable in its delivery receipt ({@code UNDELIVERED}). Keyed like {@link WarningDelivered}.
 *
 * @param assignmentId the assignment the notice is about; null for a notice about no single assignment
 * @param unitCode     the unit whose people were to be told
 * @param channel      {@code EMAIL} or {@code SMS}
 * @param reason       {@code DEAD}, {@code INVALID_ADDRESS} or {@code UNDELIVERED}
 * @param error        the last error, as the channel or the SMSC gave it
 * @param attempts     how many times the channel was called
 */
public record DeliveryFailed(
        String deliveryId,
        String sourceEventId,
        String assignmentId,
        String unitCode,
        String recipient,
        String channel,
        String address,
        String reason,
        String error,
        int attempts,
        Instant failedAt) implements MubiaoEvent {

    public static final String TYPE = "mubiao.notification.DeliveryFailed.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId != null ? assignmentId : unitCode;
    }
}
