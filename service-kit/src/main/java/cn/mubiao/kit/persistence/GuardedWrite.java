package cn.mubiao.kit.persistence;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

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
            collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("version", false)), update,
                    new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            return false;
        }
    }

    /** Changes the document while it still matches {@code guard}. */
    public static boolean change(MongoCollection<Document> collection, Object id, Bson guard, Bson update) {
        return collection.updateOne(Filters.and(Filters.eq("_id", id), guard), update).getModifiedCount() == 1;
    }
}
