package cn.mubiao.target.plan.persistence;

import cn.mubiao.target.plan.domain.ResponsibilityLetter;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Responsibility letters (目标责任书), one per unit and plan. */
@Component
public class LetterStore {

    private final MongoCollection<Document> collection;

    LetterStore(MongoDatabase db) {
        this.collection = db.getCollection("letters");
    }

    /** Inserts the letters not there yet (an interrupted issue leaves some behind). */
    public void insertNew(List<ResponsibilityLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        var inserts = letters.stream().map(l -> new InsertOneModel<>(new Document("_id", l.id())
                .append("planId", l.planId()).append("unitCode", l.unitCode())
                .append("assignmentIds", l.assignmentIds())
                .append("totalScore", new Decimal128(l.totalScore()))
                .append("issuedAt", Date.from(l.issuedAt())))).toList();
        try {
            collection.bulkWrite(inserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (!e.getWriteErrors().stream().allMatch(w -> w.getCode() == 11000)) {
                throw e;
            }
        }
    }

    public Optional<ResponsibilityLetter> find(String planId, String unitCode) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", ResponsibilityLetter.idOf(planId, unitCode))).first())
                .map(LetterStore::read);
    }

    public List<ResponsibilityLetter> ofPlan(String planId, Bson unitFilter) {
        return collection.find(Filters.and(Filters.eq("planId", planId), unitFilter)).sort(Sorts.ascending("unitCode"))
                .batchSize(500).map(LetterStore::read).into(new ArrayList<>());
    }

    public long unacknowledged(String planId) {
        return collection.countDocuments(Filters.and(Filters.eq("planId", planId), Filters.exists("acknowledgedAt", false)));
    }

    /** @return false when it was already acknowledged */
    public boolean acknowledge(ResponsibilityLetter l) {
        return collection.updateOne(Filters.and(Filters.eq("_id", l.id()), Filters.exists("acknowledgedAt", false)),
                Updates.combine(Updates.set("acknowledgedAt", Date.from(l.acknowledgedAt())),
                        Updates.set("acknowledgedBy", l.acknowledgedBy()))).getModifiedCount() == 1;
    }

    private static ResponsibilityLetter read(Document d) {
        Date ack = d.getDate("acknowledgedAt");
        return ResponsibilityLetter.restore(d.getString("planId"), d.getString("unitCode"),
                d.getList("assignmentIds", String.class), d.get("totalScore", Decimal128.class).bigDecimalValue(),
                d.getDate("issuedAt").toInstant(), ack == null ? null : ack.toInstant(), d.getString("acknowledgedBy"));
    }
}
