package cn.mubiao.kit.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One document written under optimistic concurrency: created only where none is yet, or changed only while it
 * still is as it was read. Each aggregate store writes its state and its outbox events in one such update.
 */
public final class GuardedWrite {

    private GuardedWrite() {
    }

    /**
     * @param readVersion the {@code version} the document was read at, 0 when it is new
     * @return false when another writer created or changed it first
     */
    public static boolean apply(MongoCollection<Document> collection, Object id, long readVersion, Bson update) {
        return readVersion == 0 ? create(collection, id, update) : changeAt(collection, id, readVersion, update);
    }

    /**
     * Creates the document unless one with this id exists.
     *
     * @throws MongoWriteException when the write is refused for any other reason than a duplicate key
     */
    public static boolean create(MongoCollection<Document> collection, Object id, Bson update) {
        try {
            collection.updateOne(unmade(id), update, new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /**
     * Guarded writes to one collection, its creates group-committed ({@link GroupCommit}): the new documents of
     * callers that arrive together go in one unordered insert, where a duplicate {@code _id} refuses just that one.
     * A create is an insert of the whole document, not an upsert: "only where none is yet" is what the {@code _id}
     * index already says, and an insert is the cheapest write a server has. Keep one per collection.
     */
    public static Grouped grouped(MongoCollection<Document> collection) {
        return new Grouped(collection);
    }

    /** See {@link #grouped}. */
    public static final class Grouped {

        private final MongoCollection<Document> collection;
        private final GroupCommit<Document, Boolean> creates;

        private Grouped(MongoCollection<Document> collection) {
            this.collection = collection;
            this.creates = new GroupCommit<>(GroupCommit.MAX_BATCH, this::createAll);
        }

        /**
         * Stores a new document, its {@code _id} given.
         *
         * @return false when one with its {@code _id} exists
         */
        public boolean create(Document document) {
            if (!document.containsKey("_id")) {
                throw new IllegalArgumentException("a created document names its _id");
            }
            return creates.write(document);
        }

        /** Changes the document while it still is at {@code readVersion}: false when another writer came first. */
        public boolean changeAt(Object id, long readVersion, Bson update) {
            return GuardedWrite.changeAt(collection, id, readVersion, update);
        }

        /**
         * One caller's outcome per create: true when made, false when one with its id exists, its failure when the
         * server refused it for another reason (the others of the batch are stored all the same). A write concern
         * error fails them all: none is known to be durable.
         */
        List<GroupCommit.Outcome<Boolean>> createAll(List<Document> batch) {
            List<GroupCommit.Outcome<Boolean>> outcomes = new ArrayList<>(Collections.nCopies(batch.size(),
                    GroupCommit.Outcome.of(true)));
            try {
                collection.insertMany(batch, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                DuplicateKeys.refusals(e).forEach((index, duplicate) -> outcomes.set(index,
                        duplicate ? GroupCommit.Outcome.of(false) : GroupCommit.Outcome.failed(e)));
            }
            return outcomes;
        }
    }

    private static boolean changeAt(MongoCollection<Document> collection, Object id, long readVersion, Bson update) {
        return change(collection, id, Filters.eq("version", readVersion), update);
    }

    private static Bson unmade(Object id) {
        return Filters.and(Filters.eq("_id", id), Filters.exists("version", false));
    }

    /** Changes the document while it still matches {@code guard}. */
    public static boolean change(MongoCollection<Document> collection, Object id, Bson guard, Bson update) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id), guard), update).getModifiedCount() == 1;
    }
}
