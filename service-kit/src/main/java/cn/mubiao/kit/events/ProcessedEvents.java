package cn.mubiao.kit.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.time.Clock;
import java.util.Date;

/** Event ids a consumer group has applied, so replays change nothing. */
public final class ProcessedEvents {

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public ProcessedEvents(MongoDatabase db, Clock clock) {
        this.collection = db.getCollection("processed_events");
        this.clock = clock;
    }

    public boolean contains(String eventId) {
        return collection.find(Filters.eq("_id", eventId)).limit(1).first() != null;
    }

    public void record(InboundEvent e) {
        try {
            collection.insertOne(new Document("_id", e.id()).append("type", e.type())
                    .append("topic", e.topic()).append("at", Date.from(clock.instant())));
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw ex;
            }
        }
    }
}
