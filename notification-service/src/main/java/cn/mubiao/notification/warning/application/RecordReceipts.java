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

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    /** SMSC message id → the SMS of the parts this process sent and recorded, until each part's final receipt. */
    private final Map<String, SentSms> sentHere = new ConcurrentHashMap<>();
    private final DeliveryStore deliveries;
    private final Outbox outbox;

    RecordReceipts(SmsPartStore parts, DeliveryStore deliveries, Outbox outbox) {
        this.parts = parts;
        this.deliveries = deliveries;
        this.outbox = outbox;
    }

    /**
     * An SMS this process sent: its delivery, its parts and those whose receipt said DELIVRD; concluded here while
     * every receipt says DELIVRD, from the delivery once any other final receipt (or one that came first) is seen.
     */
    private static final class SentSms {
        private final String deliveryId;
        private final List<String> parts;
        private final Set<String> delivered = new HashSet<>();
        private boolean fromTheDelivery;

        SentSms(String deliveryId, List<String> parts) {
            this.deliveryId = deliveryId;
            this.parts = List.copyOf(parts);
        }

        /** Marks one more part delivered; whether every part is now, while it is concluded here. */
        synchronized boolean deliveredWith(String part) {
            delivered.add(part);
            return !fromTheDelivery && delivered.containsAll(parts);
        }

        /** From now on the SMS is concluded from what its delivery holds. */
        synchronized void concludedFromTheDelivery() {
            fromTheDelivery = true;
        }

        synchronized boolean isConcludedFromTheDelivery() {
            return fromTheDelivery;
        }
    }

    /**
     * Records a receipt on its delivery. A part whose send this process recorded is known here and its receipt goes
     * straight to the delivery, in one write without reading it back while it says DELIVRD (the last such receipt of
     * an SMS also records the handset DELIVERED); any other receipt of such a part goes the general way (read back,
     * concluded from what the delivery holds). Receipts of parts not known here (sent before a restart, or the
     * receipt came first), or whose delivery is not found, are joined through the {@code sms-parts} collection.
     */
    @Override
    public void received(SmsReceipt receipt) {
        SentSms sms = receipt.isFinal() ? sentHere.remove(receipt.messageId()) : sentHere.get(receipt.messageId());
        if (sms != null) {
            if (receipt.isFinal() && !receipt.delivered()) {
                sms.concludedFromTheDelivery();
            }
            if (receipt.delivered() ? delivered(sms, receipt) : apply(sms.deliveryId, receipt)) {
                return;
            }
        }
        parts.received(receipt).ifPresentOrElse(id -> apply(id, receipt),
                () -> log.debug("receipt of {} kept until its send is recorded", receipt.messageId()));
    }

    /**
     * A DELIVRD receipt of a part sent here; false when there is no such delivery. When the SMS came to be concluded
     * from its delivery meanwhile (another part's receipt went that way, perhaps reading the delivery before this
     * receipt was on it), the receipt is applied that way again, so the conclusion is never missed.
     */
    private boolean delivered(SentSms sms, SmsReceipt receipt) {
        if (sms.deliveredWith(receipt.messageId())) {
            return deliveries.receiptAndHandset(sms.deliveryId, receipt, "DELIVERED")
                    || apply(sms.deliveryId, receipt); // the handset was recorded already, or there is no such delivery
        }
        if (!deliveries.receiptOnly(sms.deliveryId, receipt)) {
            return false;
        }
        if (sms.isConcludedFromTheDelivery()) {
            apply(sms.deliveryId, receipt);
        }
        return true;
    }

    /**
     * Joins the parts of an SMS just sent (and recorded SENT) to their delivery, and any receipt that came first.
     * The parts are remembered here first, so a receipt that comes meanwhile goes straight to the delivery.
     */
    void sent(String deliveryId, List<String> partIds) {
        SentSms sms = new SentSms(deliveryId, partIds);
        if (sentHere.size() + partIds.size() <= MAX_SENT_HERE) { // every part or none: an SMS is concluded one way
            partIds.forEach(part -> sentHere.put(part, sms));
        }
        for (String part : partIds) {
            parts.belongsTo(part, deliveryId).ifPresent(r -> {
                // a receipt came first: the SMS is concluded from its delivery from now on
                sms.concludedFromTheDelivery();
                partIds.forEach(sentHere::remove);
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
