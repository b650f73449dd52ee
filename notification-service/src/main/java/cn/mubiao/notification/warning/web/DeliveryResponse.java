package cn.mubiao.notification.warning.web;

import cn.mubiao.notification.warning.persistence.DeliveryStore.Delivery;

import java.time.Instant;
import java.util.List;

/**
 * One delivery as the API shows it: where it stands, every attempt and, for an SMS, the SMSC's delivery receipts and
 * what the handset got ({@code handset}: DELIVERED, or UNDELIVERED once every part has its final receipt). The texts
 * themselves are not shown.
 */
record DeliveryResponse(String id, String sourceEventId, String trigger, String kind, String assignmentId, String period,
                        String unitCode, String recipient, String channel, String address, String status, String note,
                        int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
                        List<AttemptResponse> attemptLog, String handset, List<ReceiptResponse> receipts) {

    record AttemptResponse(Instant at, String outcome, String error) {
    }

    /** The SMSC's delivery receipt of one SMS part: DELIVRD, UNDELIV, EXPIRED, REJECTD … and the network error code. */
    record ReceiptResponse(String messageId, String state, String error, Instant at) {
    }

    static DeliveryResponse of(Delivery d) {
        return new DeliveryResponse(d.id(), d.sourceEventId(), d.trigger(), d.kind() == null ? null : d.kind().name(),
                d.assignmentId(), d.period(), d.unitCode(), d.recipient(), d.channel().name(), d.address(),
                d.status().name(), d.note(), d.attempts(), d.lastError(), d.createdAt(), d.nextAttemptAt(), d.sentAt(),
                d.attemptLog().stream().map(a -> new AttemptResponse(a.at(), a.outcome().name(), a.error())).toList(),
                d.handset(), d.receipts().stream().map(r -> new ReceiptResponse(r.messageId(), r.state(), r.error(), r.at())).toList());
    }
}
