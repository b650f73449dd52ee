package cn.mubiao.notification.warning.persistence;

import cn.mubiao.kit.persistence.DuplicateKeys;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Flood control (OWASP API6): one mark per key (recipient, channel, assignment, period, status), taken by the first event in
 * a window. Taking it is one conditional upsert: when a mark of another event is younger than the window, the
 * upsert collides with it on {@code _id} and the event is refused, so two workers never both pass. The marks of
 * one event go in one unordered bulk write, each upsert still on its own.
 */
@Component
public class FloodMarks {

    private final MongoCollection<Document> collection;

    FloodMarks(MongoDatabase db) {
        this.collection = db.getCollection("flood-marks");
    }

    /** Those of {@code keys} under which another event notified within {@code window}; the rest are {@code eventId}'s now. */
    public Set<String> refused(List<String> keys, String eventId, Instant now, Duration window) {
        Set<String> refused = new LinkedHashSet<>();
        if (keys.isEmpty()) {
            return refused;
        }
        Date since = Date.from(now.minus(window));
        List<UpdateOneModel<Document>> marks = keys.stream().map(key -> new UpdateOneModel<Document>(
                Filters.and(Filters.eq("_id", key), Filters.or(Filters.lte("at", since), Filters.eq("eventId", eventId))),
                Updates.combine(Updates.set("at", Date.from(now)), Updates.set("eventId", eventId)),
                new UpdateOptions().upsert(true))).toList();
        try {
            collection.bulkWrite(marks, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            DuplicateKeys.refused(e).forEach(i -> refused.add(keys.get(i)));
        }
        return refused;
    }
}
