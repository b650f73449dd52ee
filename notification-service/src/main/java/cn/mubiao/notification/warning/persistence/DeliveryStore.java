package cn.mubiao.notification.warning.persistence;

import cn.mubiao.kit.persistence.DuplicateKeys;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.notification.channel.SmsReceipt;
import cn.mubiao.notification.warning.domain.AttemptOutcome;
import cn.mubiao.notification.warning.domain.Channel;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.domain.TriggerKind;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deliveries, one document per (event, recipient, channel) under its unique key, with the rendered texts (so a
 * retry, a held SMS or a resend needs nothing but the document) and every attempt. Each change is one update of
 * the one document, guarded by the status it leaves, so concurrent workers never both send.
 */
@Component
public class DeliveryStore {

    public static final String COLLECTION = "deliveries";

    /** What deliveries written before attempts were scheduled say instead of DEAD; they read as DEAD. */
    private static final String LEGACY_FAILED = "FAILED";

    private final MongoCollection<Document> collection;

    DeliveryStore(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
    }

    public record Attempt(Instant at, AttemptOutcome outcome, String error) {
    }

    /**
     * A delivery to be created: {@code nextAttemptAt} is null for one that will never be sent; {@code enclosure} names
     * what is rendered into the email when it is sent (a bulletin's id), null for none.
     */
    public record NewDelivery(String id, String sourceEventId, String trigger, TriggerKind kind, String assignmentId,
                              String period, String unitCode, String recipient, Channel channel, String address,
                              String subject, String text, String enclosure, DeliveryStatus status, String note,
                              Instant nextAttemptAt) {
    }

    public record Delivery(String id, String sourceEventId, String trigger, TriggerKind kind, String assignmentId,
                           String period, String unitCode, String recipient, Channel channel, String address,
                           String subject, String text, String enclosure, DeliveryStatus status, String note,
                           int attempts, int failures, List<Attempt> attemptLog, String lastError, Instant createdAt,
                           Instant nextAttemptAt, Instant sentAt, String providerId, List<SmsReceipt> receipts,
                           String handset) {

        /** A delivery as {@link #create} stores it: no attempt yet. */
        public static Delivery created(NewDelivery d, Instant now) {
            return new Delivery(d.id(), d.sourceEventId(), d.trigger(), d.kind(), d.assignmentId(), d.period(),
                    d.unitCode(), d.recipient(), d.channel(), d.address(), d.subject(), d.text(), d.enclosure(),
                    d.status(), d.note(), 0, 0, List.of(), null, now, d.nextAttemptAt(), null, null, List.of(), null);
        }

        /** The SMSC's message ids of an SMS's parts (empty before it is sent, and for an email). */
        public List<String> partIds() {
            return DeliveryStore.partIds(channel, providerId);
        }
    }

    /** The SMSC's message ids of an SMS's parts in the provider id the SMS channel returns (comma-separated). */
    public static List<String> partIds(Channel channel, String providerId) {
        return channel != Channel.SMS || providerId == null || providerId.isBlank() ? List.of()
                : List.of(providerId.split(","));
    }

    /**
     * Creates the deliveries in one unordered write, each on its own: the ids of those created, without those whose
     * key exists already (a replayed event).
     */
    public Set<String> create(List<NewDelivery> ds, Instant now) {
        Set<String> created = new LinkedHashSet<>();
        if (ds.isEmpty()) {
            return created;
        }
        ds.forEach(d -> created.add(d.id()));
        try {
            collection.insertMany(ds.stream().map(d -> document(d, now)).toList(), new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            DuplicateKeys.refused(e).forEach(i -> created.remove(ds.get(i).id()));
        }
        return created;
    }

    private static Document document(NewDelivery d, Instant now) {
        return new Document("_id", d.id()).append("sourceEventId", d.sourceEventId()).append("trigger", d.trigger())
                .append("kind", d.kind().name()).append("assignmentId", d.assignmentId()).append("period", d.period())
                .append("unitCode", d.unitCode()).append("recipient", d.recipient()).append("channel", d.channel().name())
                .append("address", d.address()).append("subject", d.subject()).append("text", d.text())
                .append("enclosure", d.enclosure())
                .append("status", d.status().name()).append("note", d.note()).append("attempts", 0).append("failures", 0)
                .append("attemptLog", List.of()).append("createdAt", Date.from(now))
                .append("nextAttemptAt", d.nextAttemptAt() == null ? null : Date.from(d.nextAttemptAt()));
    }

    /**
     * Takes the delivery for one attempt when it is open and due: its next attempt moves to {@code leaseUntil}, so
     * no other worker takes it meanwhile, and a worker that dies mid-send leaves it to be taken again then.
     */
    public Optional<Delivery> lease(String id, Instant now, Instant leaseUntil) {
        return leaseIf(id, Filters.lte("nextAttemptAt", Date.from(now)), leaseUntil);
    }

    /**
     * Takes over a delivery still held by the lease it was created with ({@code heldUntil}, see {@link #create}) for a
     * new lease: empty when it is no longer held so (the lease ran out and someone else took it, or it was closed).
     */
    public Optional<Delivery> relet(String id, Instant heldUntil, Instant leaseUntil) {
        return leaseIf(id, Filters.eq("nextAttemptAt", Date.from(heldUntil)), leaseUntil);
    }

    /** An open delivery whose next attempt matches {@code due} moves its next attempt to {@code leaseUntil}. */
    private Optional<Delivery> leaseIf(String id, Bson due, Instant leaseUntil) {
        Document d = collection.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.in("status", names(DeliveryStatus.OPEN)), due),
                Updates.set("nextAttemptAt", Date.from(leaseUntil)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(DeliveryStore::read);
    }

    /** Gives up the lease a delivery was created with ({@code heldUntil}): it is due at {@code now}, for the sweep. */
    public void release(String id, Instant heldUntil, Instant now) {
        collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.in("status", names(DeliveryStatus.OPEN)),
                Filters.eq("nextAttemptAt", Date.from(heldUntil))), Updates.set("nextAttemptAt", Date.from(now)));
    }

    /** Ids of open deliveries whose next attempt is due, oldest first. */
    public List<String> due(Instant now, int limit) {
        return collection.find(Filters.and(Filters.in("status", names(DeliveryStatus.OPEN)),
                        Filters.lte("nextAttemptAt", Date.from(now))))
                .sort(Sorts.ascending("nextAttemptAt")).limit(limit).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    /** Marks the delivery sent and queues its event, in one update; false when it was sent already. */
    public boolean sent(String id, Attempt attempt, String providerId, OutboxEntry event) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.in("status", names(DeliveryStatus.OPEN))),
                Updates.combine(Updates.set("status", DeliveryStatus.SENT.name()), Updates.set("providerId", providerId),
                        Updates.set("sentAt", Date.from(attempt.at())), Updates.unset("nextAttemptAt"),
                        Updates.inc("attempts", 1), Updates.push("attemptLog", write(attempt)),
                        Updates.push(OutboxEntry.FIELD, event.toDocument()))).getModifiedCount() == 1;
    }

    /**
     * Records an attempt that did not send and where the delivery goes from there.
     *
     * @param next        the next attempt, null when the delivery is closed (DEAD, INVALID_ADDRESS)
     * @param tried       whether the channel was called (a circuit-open skip was not)
     * @param countsToward whether it uses up one of the attempts before DEAD
     * @param closed       the event of a delivery given up (DEAD, INVALID_ADDRESS), queued in the same update; null
     *                     while it is retried
     * @return false when the delivery was no longer open (another worker recorded it first)
     */
    public boolean failed(String id, Attempt attempt, DeliveryStatus status, Instant next, boolean tried, boolean countsToward,
                          OutboxEntry closed) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("status", status.name()), Updates.set("lastError", attempt.error()),
                next == null ? Updates.unset("nextAttemptAt") : Updates.set("nextAttemptAt", Date.from(next)),
                Updates.inc("attempts", tried ? 1 : 0), Updates.inc("failures", countsToward ? 1 : 0),
                Updates.push("attemptLog", write(attempt))));
        if (closed != null) {
            changes.add(Updates.push(OutboxEntry.FIELD, closed.toDocument()));
        }
        return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.in("status", names(DeliveryStatus.OPEN))),
                Updates.combine(changes)).getModifiedCount() == 1;
    }

    /**
     * Takes a DEAD or INVALID_ADDRESS delivery back to PENDING with a fresh set of attempts (and the recipient's
     * current address); false when it is in any other state (sent, still being delivered, resent meanwhile).
     */
    public boolean reopen(String id, String address, Attempt request) {
        List<String> resendable = new ArrayList<>(names(DeliveryStatus.RESENDABLE));
        resendable.add(LEGACY_FAILED);
        return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.in("status", resendable)),
                Updates.combine(Updates.set("status", DeliveryStatus.PENDING.name()), Updates.set("address", address),
                        Updates.set("failures", 0), Updates.set("nextAttemptAt", Date.from(request.at())),
                        Updates.push("attemptLog", write(request)))).getModifiedCount() == 1;
    }

    public Optional<Delivery> get(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(DeliveryStore::read);
    }

    public List<Delivery> find(Bson filter, int limit) {
        return collection.find(filter).sort(Sorts.descending("createdAt")).limit(limit).map(DeliveryStore::read)
                .into(new ArrayList<>());
    }

    private static List<String> names(Collection<DeliveryStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private static Document write(Attempt a) {
        return new Document("at", Date.from(a.at())).append("outcome", a.outcome().name()).append("error", a.error());
    }

    private static Delivery read(Document d) {
        List<Attempt> log = new ArrayList<>();
        for (Document a : d.getList("attemptLog", Document.class, List.of())) {
            log.add(new Attempt(a.getDate("at").toInstant(), AttemptOutcome.valueOf(a.getString("outcome")), a.getString("error")));
        }
        return new Delivery(d.getString("_id"), d.getString("sourceEventId"), d.getString("trigger"),
                d.getString("kind") == null ? null : TriggerKind.valueOf(d.getString("kind")), d.getString("assignmentId"),
                d.getString("period"), d.getString("unitCode"), d.getString("recipient"), Channel.valueOf(d.getString("channel")),
                d.getString("address"), d.getString("subject"), d.getString("text"), d.getString("enclosure"),
                status(d.getString("status")),
                d.getString("note"), d.getInteger("attempts", 0), d.getInteger("failures", 0), log, d.getString("lastError"),
                instant(d, "createdAt"), instant(d, "nextAttemptAt"), instant(d, "sentAt"), d.getString("providerId"),
                receipts(d.get("receipts", Document.class)), d.getString("handset"));
    }

    private static List<SmsReceipt> receipts(Document byPart) {
        if (byPart == null) {
            return List.of();
        }
        return byPart.values().stream().map(Document.class::cast).map(r -> new SmsReceipt(r.getString("messageId"),
                r.getString("state"), r.getString("error"), r.getDate("at").toInstant())).toList();
    }

    /** Records the SMSC's receipt of one part of an SMS; the delivery as it is now, or empty when there is none. */
    public Optional<Delivery> receipt(String id, SmsReceipt r) {
        Document d = collection.findOneAndUpdate(Filters.eq("_id", id), Updates.set(receiptKey(r), receiptDocument(r)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(d).map(DeliveryStore::read);
    }

    /** Records the SMSC's receipt of one part without reading the delivery back; false when there is none. */
    public boolean receiptOnly(String id, SmsReceipt r) {
        return collection.updateOne(Filters.eq("_id", id), Updates.set(receiptKey(r), receiptDocument(r)))
                .getMatchedCount() == 1;
    }

    /**
     * Records the receipt of an SMS's last part and what the handset got in one update (the caller knows every other
     * part's receipt is recorded); false when the handset was recorded already, or there is no such delivery.
     */
    public boolean receiptAndHandset(String id, SmsReceipt r, String outcome) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("handset", false)),
                Updates.combine(Updates.set(receiptKey(r), receiptDocument(r)), Updates.set("handset", outcome)))
                .getModifiedCount() == 1;
    }

    private static String receiptKey(SmsReceipt r) {
        return "receipts." + r.messageId().replaceAll("[.$]", "_");
    }

    private static Document receiptDocument(SmsReceipt r) {
        return new Document("messageId", r.messageId()).append("state", r.state()).append("error", r.error())
                .append("at", Date.from(r.at()));
    }

    /**
     * Records what the handset got once every part has its final receipt, with the event of an undeliverable SMS
     * queued in the same update; false when it was recorded already.
     */
    public boolean handset(String id, String outcome, OutboxEntry failed) {
        List<Bson> changes = new ArrayList<>(List.of(Updates.set("handset", outcome)));
        if (failed != null) {
            changes.add(Updates.push(OutboxEntry.FIELD, failed.toDocument()));
        }
        return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("handset", false)),
                Updates.combine(changes)).getModifiedCount() == 1;
    }

    private static DeliveryStatus status(String s) {
        return LEGACY_FAILED.equals(s) ? DeliveryStatus.DEAD : DeliveryStatus.valueOf(s);
    }

    /** The filter for deliveries in a status (DEAD includes the legacy FAILED ones). */
    public static Bson statusIs(DeliveryStatus status) {
        return status == DeliveryStatus.DEAD ? Filters.in("status", status.name(), LEGACY_FAILED) : Filters.eq("status", status.name());
    }

    private static Instant instant(Document d, String field) {
        return d.getDate(field) == null ? null : d.getDate(field).toInstant();
    }
}
