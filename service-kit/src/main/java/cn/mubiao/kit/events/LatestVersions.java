package cn.mubiao.kit.events;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A read model fed by events: the newest version of each payload by id, kept as its exact JSON (no loss of
 * decimal precision) beside a few queryable fields. Older or replayed versions change nothing.
 */
public final class LatestVersions<T> {

    private final MongoCollection<Document> collection;
    private final Class<T> type;
    private final JsonMapper json;

    public LatestVersions(MongoDatabase db, String collection, Class<T> type, JsonMapper json) {
        this.collection = db.getCollection(collection);
        this.type = type;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * Stores {@code payload} as version {@code version} of {@code id} unless a newer one is stored.
     *
     * @param fields extra top-level fields to query by
     * @return whether it was stored
     */
    public boolean save(String id, long version, T payload, Map<String, Object> fields) {
        Document doc = new Document("_id", id).append("version", version).append("json", json.writeValueAsString(payload));
        doc.putAll(fields);
        try {
            collection.replaceOne(Filters.and(Filters.eq("_id", id), Filters.lte("version", version)), doc,
                    new ReplaceOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // a newer version is stored: keep it
            }
            throw e;
        }
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first())
                .map(d -> json.readValue(d.getString("json"), type));
    }

    /** The newest payload of every id the filter matches, by id (in the order the server returns them): one query. */
    public Map<String, T> findAll(Bson filter) {
        Map<String, T> found = new LinkedHashMap<>();
        for (Document d : collection.find(filter).batchSize(1000)) {
            found.put(String.valueOf(d.get("_id")), json.readValue(d.getString("json"), type));
        }
        return found;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }
}
