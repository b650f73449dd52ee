package cn.mubiao.notification.warning.persistence;

import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.notification.warning.domain.Channel;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Deliveries, one document per (event, recipient, channel), every attempt recorded. */
@Component
public class DeliveryStore {

    public static final String COLLECTION = "deliveries";

    private final MongoCollection<Document> collection;

    DeliveryStore(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
    }

    public record Delivery(String id, String sourceEventId, String trigger, String assignmentId, String unitCode,
                           String recipient, Channel channel, String address, String status, int attempts,
                           String lastError, Instant createdAt, Instant sentAt) {
    }

    /**
     * Creates the delivery if it does not exist yet.
     *
     * @return whether it still needs sending (not yet SENT)
     */
    public boolean claim(String id, String sourceEventId, String trigger, String assignmentId, String unitCode,
                         String recipient, Channel channel, String address, Instant now) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.setOnInsert("sourceEventId", sourceEventId), Updates.setOnInsert("trigger", trigger),
                Updates.setOnInsert("assignmentId", assignmentId), Updates.setOnInsert("unitCode", unitCode),
                Updates.setOnInsert("recipient", recipient), Updates.setOnInsert("channel", channel.name()),
                Updates.setOnInsert("address", address), Updates.setOnInsert("status", "PENDING"),
                Updates.setOnInsert("attempts", 0), Updates.setOnInsert("createdAt", Date.from(now))),
                new UpdateOptions().upsert(true));
        Document d = collection.find(Filters.eq("_id", id)).first();
        return d != null && !"SENT".equals(d.getString("status"));
    }

    /** Marks the delivery sent and queues its event, in one update. */
    public void sent(String id, String providerId, Instant now, OutboxEntry event) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", "SENT"), Updates.set("providerId", providerId), Updates.set("sentAt", Date.from(now)),
                Updates.inc("attempts", 1), Updates.push(OutboxEntry.FIELD, event.toDocument())));
    }

    public void failed(String id, String error, Instant now) {
        collection.updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", "FAILED"), Updates.set("lastError", error), Updates.inc("attempts", 1),
                Updates.push("errors", new Document("at", Date.from(now)).append("error", error))));
    }

    public List<Delivery> find(Bson filter, int limit) {
        return collection.find(filter).sort(Sorts.descending("createdAt")).limit(limit).map(DeliveryStore::read)
                .into(new ArrayList<>());
    }

    private static Delivery read(Document d) {
        return new Delivery(d.getString("_id"), d.getString("sourceEventId"), d.getString("trigger"),
                d.getString("assignmentId"), d.getString("unitCode"), d.getString("recipient"),
                Channel.valueOf(d.getString("channel")), d.getString("address"), d.getString("status"),
                d.getInteger("attempts", 0), d.getString("lastError"),
                d.getDate("createdAt") == null ? null : d.getDate("createdAt").toInstant(),
                d.getDate("sentAt") == null ? null : d.getDate("sentAt").toInstant());
    }
}
