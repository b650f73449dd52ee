package cn.mubiao.progress.report.persistence;

import cn.mubiao.contracts.Period;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.progress.report.domain.Narrative;
import cn.mubiao.progress.report.domain.Report;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Reports, one document each, carrying their unpublished events in {@code outbox}: the report and its
 * {@code ProgressReported} are one insert. Unique keys: one report per assignment and period, and one per
 * idempotency key.
 */
@Component
public class ReportStore {

    public static final String COLLECTION = "reports";

    private final MongoCollection<Document> collection;

    ReportStore(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
        collection.createIndex(Indexes.ascending("assignmentId", "period"), new IndexOptions().unique(true).name("one_per_period"));
        collection.createIndex(Indexes.ascending("idem"), new IndexOptions().unique(true).name("idempotency_key"));
    }

    /** What made an insert fail on a unique key. */
    public enum Clash { IDEMPOTENCY_KEY, PERIOD }

    public static final class DuplicateReport extends RuntimeException {
        private final Clash clash;

        DuplicateReport(Clash clash) {
            super(clash.name());
            this.clash = clash;
        }

        public Clash clash() {
            return clash;
        }
    }

    /**
     * Inserts the report and its outbox entries in one write.
     *
     * @param idempotencyKey scoped key ({@code unit|key}), or null
     * @throws DuplicateReport when the key or the period is taken
     */
    public void insert(Report r, String idempotencyKey, List<OutboxEntry> outbox) {
        Document doc = new Document("_id", r.id())
                .append("assignmentId", r.assignmentId())
                .append("unitCode", r.unitCode())
                .append("period", r.period().code())
                .append("cumulativeActual", new Decimal128(r.cumulativeActual()))
                .append("completion", new Decimal128(r.completion()))
                .append("narrative", new Document("progress", r.narrative().progress())
                        .append("problems", r.narrative().problems()).append("measures", r.narrative().measures()))
                .append("reportedBy", r.reportedBy())
                .append("reportedAt", Date.from(r.reportedAt()))
                .append("late", r.late())
                .append("idem", idempotencyKey != null ? idempotencyKey : "id|" + r.id())
                .append(OutboxEntry.FIELD, outbox.stream().map(OutboxEntry::toDocument).toList());
        try {
            collection.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new DuplicateReport(e.getError().getMessage().contains("idem") ? Clash.IDEMPOTENCY_KEY : Clash.PERIOD);
            }
            throw e;
        }
    }

    public Optional<Report> findById(String id) {
        return first(Filters.eq("_id", id));
    }

    public Optional<Report> findByIdempotencyKey(String scopedKey) {
        return first(Filters.eq("idem", scopedKey));
    }

    public Optional<Report> findByPeriod(String assignmentId, String period) {
        return first(Filters.and(Filters.eq("assignmentId", assignmentId), Filters.eq("period", period)));
    }

    public List<Report> findByAssignment(String assignmentId) {
        return collection.find(Filters.eq("assignmentId", assignmentId)).sort(Sorts.ascending("period"))
                .map(ReportStore::read).into(new ArrayList<>());
    }

    private Optional<Report> first(Bson filter) {
        return Optional.ofNullable(collection.find(filter).first()).map(ReportStore::read);
    }

    private static Report read(Document d) {
        Document n = d.get("narrative", Document.class);
        return Report.restore(d.getString("_id"), d.getString("assignmentId"), d.getString("unitCode"),
                Period.parse(d.getString("period")).orElseThrow(),
                d.get("cumulativeActual", Decimal128.class).bigDecimalValue(),
                d.get("completion", Decimal128.class).bigDecimalValue(),
                n == null ? Narrative.EMPTY : new Narrative(n.getString("progress"), n.getString("problems"), n.getString("measures")),
                d.getString("reportedBy"), d.getDate("reportedAt").toInstant(), d.getBoolean("late", false));
    }
}
