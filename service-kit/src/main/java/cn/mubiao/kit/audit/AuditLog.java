package cn.mubiao.kit.audit;

import cn.mubiao.kit.persistence.DuplicateKeys;
import cn.mubiao.kit.persistence.GroupCommit;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The service's own {@value #COLLECTION} collection. Insert-only: there is no way to change or remove an
 * entry through this class, and no other code touches the collection.
 */
final class AuditLog {

    static final String COLLECTION = "audit_log";
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final MongoCollection<Document> collection;
    private volatile boolean indexed;
    private final GroupCommit<Document, Boolean> inserts = new GroupCommit<>(GroupCommit.MAX_BATCH, this::insertAll);

    AuditLog(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
    }

    /**
     * Stores the record before it returns, or throws. The records of writes that arrive together go in one
     * unordered {@code insertMany} ({@link GroupCommit}): at a month-end burst every report is a write, and its
     * record was a round trip of its own (infra/bench/progress-burst).
     */
    void insert(AuditRecord record) {
        ensureIndexes();
        inserts.write(record.toDocument());
    }

    /** How many records wait to be written (for tests). */
    int waiting() {
        return inserts.waiting();
    }

    private List<GroupCommit.Outcome<Boolean>> insertAll(List<Document> records) {
        List<GroupCommit.Outcome<Boolean>> outcomes = new ArrayList<>(Collections.nCopies(records.size(),
                GroupCommit.Outcome.of(true)));
        try {
            collection.insertMany(records, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            DuplicateKeys.refusals(e).keySet().forEach(refused -> outcomes.set(refused, GroupCommit.Outcome.failed(e)));
        }
        return outcomes;
    }

    /**
     * Entries matching {@code filter}, newest first, keeping only those {@code visible} admits, from the
     * {@code skip}-th such entry on, at most {@code limit} of them.
     */
    List<AuditRecord> find(Bson filter, Predicate<AuditRecord> visible, long skip, int limit) {
        ensureIndexes();
        List<AuditRecord> out = new ArrayList<>(limit);
        long skipped = 0;
        try (MongoCursor<Document> cursor = collection.find(filter)
                .sort(Sorts.descending("time", "_id")).batchSize(Math.min(limit + 50, 500)).iterator()) {
            while (cursor.hasNext() && out.size() < limit) {
                AuditRecord r = AuditRecord.fromDocument(cursor.next());
                if (!visible.test(r)) {
                    continue;
                }
                if (skipped < skip) {
                    skipped++;
                } else {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Indexes for the scope and object queries; created on first use, so a service starts without MongoDB. */
    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        try {
            collection.createIndex(Indexes.compoundIndex(Indexes.ascending("unit"), Indexes.descending("time")));
            collection.createIndex(Indexes.ascending("objectIds"));
            indexed = true;
        } catch (RuntimeException e) {
            log.warn("cannot create the {} indexes yet, will try again: {}", COLLECTION, e.toString());
        }
    }
}
