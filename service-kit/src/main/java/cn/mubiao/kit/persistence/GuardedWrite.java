package cn.mubiao.kit.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
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
        return readVersion == 0 ? create(collection, id, update)
                : change(collection, id, Filters.eq("version", readVersion), update);
    }

    /** Creates the document unless one with this id exists. */
    public static boolean create(MongoCollection<Document> collection, Object id, Bson update) {
        try {
            collection.updateOne(unmade(id), update,
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            return false;
        }
    }

    /** A document to create with {@code update} unless one with {@code id} exists. */
    public record Create(Object id, Bson update) {
    }

    /**
     * Creates in {@code collection}, group-committed ({@link GroupCommit}): the creates of callers that arrive
     * together go in one unordered bulk write; each caller learns whether its own was made (false: a document with
     * that id exists, as {@link #create} answers). Keep one per collection.
     */
    public static GroupCommit<Create, Boolean> groupedCreates(MongoCollection<Document> collection) {
        return new GroupCommit<>(256, batch -> {
            List<GroupCommit.Outcome<Boolean>> outcomes = new ArrayList<>(Collections.nCopies(batch.size(),
                    GroupCommit.Outcome.of(true)));
            try {
                collection.bulkWrite(batch.stream().map(c -> new UpdateOneModel<Document>(unmade(c.id()), c.update(),
                        new UpdateOptions().upsert(true))).toList(), new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (int refused : DuplicateKeys.refused(e)) {
                    outcomes.set(refused, GroupCommit.Outcome.of(false));
                }
            }
            return outcomes;
        });
    }

    private static Bson unmade(Object id) {
        return Filters.and(Filters.eq("_id", id), Filters.exists("version", false));
    }

    /** Changes the document while it still matches {@code guard}. */
    public static boolean change(MongoCollection<Document> collection, Object id, Bson guard, Bson update) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id), guard), update).getModifiedCount() == 1;
    }
}
