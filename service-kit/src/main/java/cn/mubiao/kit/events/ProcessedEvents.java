package cn.mubiao.kit.events;

import cn.mubiao.kit.persistence.DuplicateKeys;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Event ids a consumer group has applied, so replays change nothing. A consumer asks about and records a whole
 * poll's events at once: one query and one write per poll, however many events it brought.
 */
public final class ProcessedEvents {

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public ProcessedEvents(MongoDatabase db, Clock clock) {
        this.collection = db.getCollection("processed_events");
        this.clock = clock;
    }

    /** Those of {@code eventIds} applied already. */
    public Set<String> among(Collection<String> eventIds) {
        Set<String> applied = new HashSet<>();
        if (eventIds.isEmpty()) {
            return applied;
        }
        collection.find(Filters.in("_id", eventIds))
                .projection(Projections.include("_id")).batchSize(eventIds.size())
                .forEach(d -> applied.add(d.getString("_id")));
        return applied;
    }

    /** Records the events applied, in one unordered write; those recorded already (a replay) stay as they are. */
    public void recordAll(List<InboundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Date at = Date.from(clock.instant());
        try {
            collection.insertMany(events.stream().map(e -> new Document("_id", e.id()).append("type", e.type())
                    .append("topic", e.topic()).append("at", at)).toList(), new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            DuplicateKeys.refused(e); // a duplicate key means recorded already; anything else is thrown again
        }
    }
}
