package cn.mubiao.notification.warning.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Flood control (OWASP API6): one mark per key (recipient, channel, assignment, period, status), taken by the first event in
 * a window. Taking it is one conditional upsert: when a mark of another event is younger than the window, the
 * upsert collides with it on {@code _id} and the event is refused, so two workers never both pass.
 */
@Component
public class FloodMarks {

    private final MongoCollection<Document> collection;

    FloodMarks(MongoDatabase db) {
        this.collection = db.getCollection("flood-marks");
    }

    /** Whether {@code eventId} may notify under {@code key} now: no other event did within {@code window}. */
    public boolean admit(String key, String eventId, Instant now, Duration window) {
        try {
            collection.updateOne(Filters.and(Filters.eq("_id", key), Filters.or(
                            Filters.lte("at", Date.from(now.minus(window))), Filters.eq("eventId", eventId))),
                    Updates.combine(Updates.set("at", Date.from(now)), Updates.set("eventId", eventId)),
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
