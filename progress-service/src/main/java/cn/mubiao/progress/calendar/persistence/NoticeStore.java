package cn.mubiao.progress.calendar.persistence;

import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.progress.calendar.domain.Notice;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The notices sent, one document each with {@code _id} = {@code assignmentId|period|kind}, carrying its
 * unpublished event in {@code outbox}: the notice and its event are one insert, and a second insert of the same
 * notice (a rerun, a restart, another instance) fails on the key and publishes nothing.
 */
@Component
public class NoticeStore {

    public static final String COLLECTION = "notices";

    private final MongoCollection<Document> collection;

    NoticeStore(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
    }

    /**
     * Stores the notice with its outbox entries in one write.
     *
     * @return true when stored now, false when it had been stored before (nothing written)
     */
    public boolean insert(Notice n, List<OutboxEntry> outbox) {
        Document doc = new Document("_id", n.id())
                .append("assignmentId", n.assignmentId())
                .append("period", n.period())
                .append("kind", n.kind().name())
                .append("dueDate", n.dueDate().toString())
                .append("decidedOn", n.decidedOn().toString())
                .append(OutboxEntry.FIELD, outbox.stream().map(OutboxEntry::toDocument).toList());
        try {
            collection.insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Which of these notice ids were stored already; looked up by {@code _id} only. */
    public Set<String> stored(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        collection.find(Filters.in("_id", ids)).projection(Projections.include("_id")).batchSize(ids.size())
                .forEach(d -> found.add(d.getString("_id")));
        return found;
    }
}
