package cn.mubiao.scoring.assessment.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Published results ({@code assessment_results}, {@code _id "2007|410102-FGW"}): every version of a unit's result,
 * its appeals, and the unpublished events of both in {@code outbox}.
 */
@Component
public class ResultStore {

    public static final String COLLECTION = "assessment_results";

    private final MongoCollection<Document> results;

    ResultStore(MongoDatabase db) {
        this.results = db.getCollection(COLLECTION);
    }

    public boolean isPublished(int year, String unitCode) {
        return results.find(Filters.eq("_id", EntriesStore.key(year, unitCode))).projection(new Document("_id", 1))
                .first() != null;
    }
}
