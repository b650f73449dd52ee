package cn.mubiao.notification.warning.application;

import cn.mubiao.contracts.notification.DeliveryFailed;
import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.notification.channel.SmsReceipt;
import cn.mubiao.notification.channel.SmsReceiptListener;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import cn.mubiao.notification.warning.persistence.DeliveryStore.Delivery;
import cn.mubiao.notification.warning.persistence.SmsPartStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records the SMSC's delivery receipts on the SMS deliveries they belong to. A receipt may arrive before the send
 * is recorded; whichever comes second joins the two. Once every part of an SMS has its final receipt the delivery
 * says what the handset got: DELIVERED, or UNDELIVERED with a {@link DeliveryFailed} (queued in the same update, so
 * once). An undeliverable SMS is not retried: the number reached the network and the network gave up on it.
 */
@Component
class RecordReceipts implements SmsReceiptListener {

    private static final Logger log = LoggerFactory.getLogger(RecordReceipts.class);

    private final SmsPartStore parts;
    private final DeliveryStore deliveries;
    private final Outbox outbox;

    RecordReceipts(SmsPartStore parts, DeliveryStore deliveries, Outbox outbox) {
        this.parts = parts;
        this.deliveries = deliveries;
        this.outbox = outbox;
    }

    @Override
    public void received(SmsReceipt receipt) {
        parts.received(receipt).ifPresentOrElse(id -> apply(id, receipt),
                () -> log.debug("receipt of {} kept until its send is recorded", receipt.messageId()));
    }

    /** Joins the parts of an SMS just sent to their delivery, and any receipt that came first. */
    void sent(String deliveryId, List<String> partIds) {
        for (String part : partIds) {
            parts.belongsTo(part, deliveryId).ifPresent(r -> apply(deliveryId, r));
        }
    }

    private void apply(String deliveryId, SmsReceipt receipt) {
        deliveries.receipt(deliveryId, receipt).filter(d -> d.handset() == null).ifPresent(this::conclude);
    }

    private void conclude(Delivery d) {
        List<String> partIds = d.partIds();
        Map<String, SmsReceipt> byPart = d.receipts().stream()
                .collect(Collectors.toMap(SmsReceipt::messageId, Function.identity(), (a, b) -> b));
        if (partIds.isEmpty() || !partIds.stream().allMatch(p -> byPart.containsKey(p) && byPart.get(p).isFinal())) {
            return;
        }
        List<SmsReceipt> failedParts = partIds.stream().map(byPart::get).filter(r -> !r.delivered()).toList();
        if (failedParts.isEmpty()) {
            deliveries.handset(d.id(), "DELIVERED", null);
            return;
        }
        SmsReceipt last = failedParts.getLast();
        String error = failedParts.stream().map(r -> r.state() + " (err " + r.error() + ")").distinct()
                .collect(Collectors.joining(", ", "the SMSC reported the SMS undeliverable: ", ""));
        OutboxEntry failed = outbox.entry(new DeliveryFailed(d.id(), d.sourceEventId(), d.assignmentId(), d.unitCode(),
                d.recipient(), d.channel().name(), d.address(), "UNDELIVERED", error, d.attempts(), last.at()));
        if (deliveries.handset(d.id(), "UNDELIVERED", failed)) {
            log.warn("SMS {} to {} undeliverable: {}", d.id(), d.address(), error);
            outbox.written(DeliveryStore.COLLECTION, d.id(), List.of(failed));
        }
    }
}
