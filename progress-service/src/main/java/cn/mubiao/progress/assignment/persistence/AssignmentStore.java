package cn.mubiao.progress.assignment.persistence;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.progress.assignment.domain.Assignment;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The assignments read model, one document per assignment, newest version wins. */
@Component
public class AssignmentStore {

    private final MongoCollection<Document> collection;

    AssignmentStore(MongoDatabase db) {
        this.collection = db.getCollection("assignments");
    }

    public Optional<Assignment> find(String assignmentId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", assignmentId)).first()).map(AssignmentStore::read);
    }

    /** Stores the assignment unless a newer version is already stored; replays change nothing. */
    public void save(Assignment a) {
        Document doc = new Document("_id", a.assignmentId()).append("unitCode", a.unitCode())
                .append("unitName", a.unitName()).append("year", a.year()).append("targetTitle", a.targetTitle())
                .append("kind", a.kind().name()).append("targetValue", new Decimal128(a.targetValue()))
                .append("unitOfMeasure", a.unitOfMeasure()).append("frequency", a.frequency().name())
                .append("coUnitCodes", a.coUnitCodes()).append("monitorUnitCode", a.monitorUnitCode())
                .append("version", a.version());
        try {
            collection.replaceOne(Filters.and(Filters.eq("_id", a.assignmentId()), Filters.lte("version", a.version())),
                    doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e; // a newer version is stored: keep it
            }
        }
    }

    private static Assignment read(Document d) {
        return new Assignment(d.getString("_id"), d.getString("unitCode"), d.getString("unitName"),
                d.getInteger("year"), d.getString("targetTitle"), IndicatorKind.valueOf(d.getString("kind")),
                d.get("targetValue", Decimal128.class).bigDecimalValue(), d.getString("unitOfMeasure"),
                Frequency.valueOf(d.getString("frequency")), d.getList("coUnitCodes", String.class),
                d.getString("monitorUnitCode"),
                ((Number) d.get("version")).longValue());
    }

    /**
     * Hands every stored assignment to {@code batch}, {@code size} at a time in {@code _id} order. Each batch is
     * one query resuming after the last id seen, so the whole collection is never held at once and assignments
     * stored meanwhile are seen when their id sorts after the current position.
     */
    public void forEachBatch(int size, Consumer<List<Assignment>> batch) {
        String after = null;
        while (true) {
            List<Assignment> page = collection.find(after == null ? new Document() : Filters.gt("_id", after))
                    .sort(Sorts.ascending("_id")).limit(size).batchSize(size)
                    .map(AssignmentStore::read).into(new ArrayList<>());
            if (page.isEmpty()) {
                return;
            }
            batch.accept(page);
            if (page.size() < size) {
                return;
            }
            after = page.getLast().assignmentId();
        }
    }
}
