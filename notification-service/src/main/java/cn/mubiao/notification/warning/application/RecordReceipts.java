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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records the SMSC's delivery receipts on the SMS deliveries they belong to. A receipt may arrive before the send
 * is recorded; whichever comes second joins the two. Once every part of an SMS has its final receipt the delivery
 * says what the handset got: DELIVERED, or UNDELIVERED with a {@link DeliveryFailed} (queued in the same update, so
 * once). An undeliverable SMS is not retried: the number reached the network and the network gave up on it.
 * Receipts of the parts this process sent skip the join (see {@link #received}).
 */
@Component
class RecordReceipts implements SmsReceiptListener {

    private static final Logger log = LoggerFactory.getLogger(RecordReceipts.class);

    /** Parts remembered at most (awaiting their final receipt); beyond that, receipts are joined through the store. */
    private static final int MAX_SENT_HERE = 100_000;

    private final SmsPartStore parts;
    /** SMSC message id → delivery id of the parts this process sent and recorded, until their final receipt. */
    private final Map<String, String> sentHere = new ConcurrentHashMap<>();
    private final DeliveryStore deliveries;
    private final Outbox outbox;

    RecordReceipts(SmsPartStore parts, DeliveryStore deliveries, Outbox outbox) {
        this.parts = parts;
        this.deliveries = deliveries;
        this.outbox = outbox;
    }

    /**
     * Records a receipt on its delivery. A part whose send this process recorded is known here and the receipt goes
     * straight to its delivery; any other (sent before a restart, or the receipt came first), or one whose delivery is
     * not found, is joined through the {@code sms-parts} collection.
     */
    @Override
    public void received(SmsReceipt receipt) {
        String deliveryId = receipt.isFinal() ? sentHere.remove(receipt.messageId()) : sentHere.get(receipt.messageId());
        if (deliveryId != null && apply(deliveryId, receipt)) {
            return;
        }
        parts.received(receipt).ifPresentOrElse(id -> apply(id, receipt),
                () -> log.debug("receipt of {} kept until its send is recorded", receipt.messageId()));
    }

    /**
     * Joins the parts of an SMS just sent (and recorded SENT) to their delivery, and any receipt that came first.
     * The parts are remembered here first, so a receipt that comes meanwhile goes straight to the delivery.
     */
    void sent(String deliveryId, List<String> partIds) {
        for (String part : partIds) {
            if (sentHere.size() < MAX_SENT_HERE) {
                sentHere.put(part, deliveryId);
            }
            parts.belongsTo(part, deliveryId).ifPresent(r -> {
                sentHere.remove(part);
                apply(deliveryId, r);
            });
        }
    }

    /** Records the receipt on the delivery; false when there is no such delivery. */
    private boolean apply(String deliveryId, SmsReceipt receipt) {
        Optional<Delivery> d = deliveries.receipt(deliveryId, receipt);
        d.filter(x -> x.handset() == null).ifPresent(this::conclude);
        return d.isPresent();
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
