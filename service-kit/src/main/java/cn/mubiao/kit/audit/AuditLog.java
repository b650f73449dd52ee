package cn.mubiao.kit.audit;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
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
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The service's own {@value #COLLECTION} collection. Insert-only: there is no way to change or remove an
 * entry through this class, and no other code touches the collection.
 */
final class AuditLog {

    static final String COLLECTION = "audit_log";
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    /** At most this many records in one insert. */
    static final int MAX_BATCH = 256;

    private final MongoCollection<Document> collection;
    private volatile boolean indexed;
    /** Records handed in and not yet written; only the holder of {@link #writing} takes them out. */
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    AuditLog(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
    }

    /** A record on its way; {@code settled} (stored, or failed) and {@code failure} set by the lock's holder. */
    private static final class Pending {
        final Document document;
        boolean settled;
        RuntimeException failure;

        Pending(Document document) {
            this.document = document;
        }
    }

    /**
     * Stores the record before it returns, or throws. Group commit: the records of calls that arrive together go
     * in one unordered {@code insertMany}, written by whichever of those calls holds the lock; the others then take
     * the lock in turn and find theirs written. Under load one round trip stores many records — at a month-end burst
     * every report is a write, and its record was a round trip of its own (infra/bench/progress-burst).
     */
    void insert(AuditRecord record) {
        ensureIndexes();
        Pending mine = new Pending(record.toDocument());
        waiting.add(mine);
        writing.lock();
        try {
            while (!mine.settled) {
                writeWaiting();
            }
        } finally {
            writing.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** How many records wait to be written (for tests). */
    int waiting() {
        return waiting.size();
    }

    /** Writes what waits, up to {@link #MAX_BATCH} records, oldest first; holds {@link #writing}. */
    private void writeWaiting() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = waiting.poll()) != null; ) {
            batch.add(p);
        }
        try {
            collection.insertMany(batch.stream().map(p -> p.document).toList(), new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteConcernError() != null) {
                batch.forEach(p -> p.failure = e); // none of them is known to be durable
            }
            for (BulkWriteError refused : e.getWriteErrors()) {
                batch.get(refused.getIndex()).failure = e;
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.failure = e);
        } finally {
            batch.forEach(p -> p.settled = true);
        }
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
