package cn.mubiao.target.assignment.persistence;

import cn.mubiao.kit.persistence.ScopeFilters;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.target.assignment.domain.Assignment;
import cn.mubiao.target.assignment.domain.AdjustmentRequest;
import cn.mubiao.target.assignment.domain.AssignmentTerms;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assignments, each document carrying its unpublished events in {@code outbox} and every version of its
 * terms in {@code history}, all written in one update.
 */
@Component
public class AssignmentStore {

    public static final String COLLECTION = "assignments";
    /** Documents per reply: mongo-java-server answers a whole result in one reply unless a batch size is set. */
    private static final int BATCH = 500;
    private static final Bson WITHOUT_HISTORY = Projections.exclude("history", OutboxEntry.FIELD);

    private final MongoCollection<Document> collection;
    private final JsonMapper json;

    AssignmentStore(MongoDatabase db, JsonMapper json) {
        this.collection = db.getCollection(COLLECTION);
        this.json = json;
    }

    public Optional<Assignment> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(Projections.exclude(OutboxEntry.FIELD))
                .first()).map(this::read);
    }

    /** Filters of an assignment list; null means any. */
    public record Query(String planId, String targetCode, String category, String unitSubtree, String unitCode,
                        String monitorUnitCode, boolean includeWithdrawn, boolean openAdjustmentOnly) {
    }

    /**
     * What a unit may see, selected in the database: for a region, everything whose responsible unit or a
     * co-unit lies in its subtree; for a department, what it leads, co-handles or monitors.
     */
    public List<Assignment> visibleTo(String unitCode, Query q, int skip, int limit) {
        return collection.find(filter(unitCode, q)).projection(WITHOUT_HISTORY).sort(Sorts.ascending("_id"))
                .skip(skip).limit(limit).batchSize(BATCH).map(this::read).into(new ArrayList<>());
    }

    public long countVisibleTo(String unitCode, Query q) {
        return collection.countDocuments(filter(unitCode, q));
    }

    private static Bson filter(String unitCode, Query q) {
        List<Bson> and = new ArrayList<>();
        and.add(ScopeFilters.relatedTo(unitCode));
        if (q.planId() != null) {
            and.add(Filters.eq("planId", q.planId()));
        }
        if (q.targetCode() != null) {
            and.add(Filters.eq("targetCode", q.targetCode()));
        }
        if (q.category() != null) {
            and.add(Filters.eq("category", q.category()));
        }
        if (q.unitSubtree() != null) {
            and.add(ScopeFilters.inSubtree("unitCode", q.unitSubtree()));
        }
        if (q.unitCode() != null) {
            and.add(Filters.eq("unitCode", q.unitCode()));
        }
        if (q.monitorUnitCode() != null) {
            and.add(Filters.eq("monitorUnitCode", q.monitorUnitCode()));
        }
        if (q.openAdjustmentOnly()) {
            and.add(Filters.eq("openAdjustment", true));
        }
        if (!q.includeWithdrawn()) {
            and.add(Filters.ne("withdrawn", true));
        }
        return Filters.and(and);
    }

    /** Every assignment of a plan's target, for the office that issued it. */
    public List<Assignment> ofTarget(String targetId) {
        return collection.find(Filters.eq("targetId", targetId)).projection(WITHOUT_HISTORY).sort(Sorts.ascending("_id"))
                .batchSize(BATCH).map(this::read).into(new ArrayList<>());
    }

    /**
     * Writes the assignment with its new versions and appends its new events to the outbox in one update,
     * guarded by the revision it was read at (optimistic concurrency).
     *
     * @param read the assignment as it was read (its version and revision), or null for a new one
     * @return false when another writer changed it first
     */
    public boolean save(Assignment a, Stored read, List<OutboxEntry> events) {
        long readVersion = read == null ? 0 : read.version();
        var update = Updates.combine(fields(a), Updates.pushEach("history",
                        a.versionsSince(readVersion).stream().map(this::versionDocument).toList()),
                Updates.pushEach(OutboxEntry.FIELD, events.stream().map(OutboxEntry::toDocument).toList()));
        if (read == null) {
            return GuardedWrite.create(collection, a.id(), update);
        }
        return GuardedWrite.change(collection, a.id(), Filters.or(Filters.eq("revision", read.revision()),
                Filters.and(Filters.exists("revision", false), Filters.eq("version", read.revision()))), update);
    }

    /** The version and revision an assignment was read at. */
    public record Stored(long version, long revision) {
        public static Stored of(Assignment a) {
            return new Stored(a.version(), a.revision());
        }
    }

    /**
     * Inserts new assignments with their events, in batches; an assignment already there (an earlier,
     * interrupted run of the same issue) is left as it is.
     *
     * @return how many were inserted now
     */
    public int insertNew(List<Assignment> assignments, Function<Assignment, List<OutboxEntry>> events) {
        if (assignments.isEmpty()) {
            return 0;
        }
        List<InsertOneModel<Document>> inserts = new ArrayList<>(assignments.size());
        for (Assignment a : assignments) {
            Document d = new Document("_id", a.id());
            Document fields = fieldsDocument(a);
            fields.forEach(d::append);
            // a new assignment has one version: its terms, serialised once
            d.append("history", a.versionsSince(0).stream().map(v -> new Document("version", v.version())
                    .append("validFrom", Date.from(v.validFrom())).append("terms", fields.getString("terms"))).toList());
            d.append(OutboxEntry.FIELD, events.apply(a).stream().map(OutboxEntry::toDocument).toList());
            inserts.add(new InsertOneModel<>(d));
        }
        try {
            return collection.bulkWrite(inserts, new BulkWriteOptions().ordered(false)).getInsertedCount();
        } catch (MongoBulkWriteException e) {
            boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(w -> w.getCode() == 11000);
            if (!onlyDuplicates) {
                throw e;
            }
            return e.getWriteResult().getInsertedCount();
        }
    }

    /** The assignment as it stood at a moment, with its whole history. */
    public Optional<Assignment.Version> asOf(String id, Instant at) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(Projections.exclude(OutboxEntry.FIELD))
                .first()).map(this::readWithHistory).flatMap(a -> a.asOf(at));
    }

    public Optional<Assignment> findWithHistory(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(Projections.exclude(OutboxEntry.FIELD))
                .first()).map(this::readWithHistory);
    }

    private Bson fields(Assignment a) {
        return Updates.combine(fieldsDocument(a).entrySet().stream().map(e -> Updates.set(e.getKey(), e.getValue())).toList());
    }

    private Document fieldsDocument(Assignment a) {
        AssignmentTerms t = a.terms();
        return new Document("unitCode", t.unitCode())
                .append("monitorUnitCode", t.monitorUnitCode())
                .append("coUnitCodes", t.coUnitCodes())
                .append("year", t.year())
                .append("planId", t.planId())
                .append("targetId", t.targetId())
                .append("targetCode", t.targetCode())
                .append("category", t.category())
                .append("parentAssignmentId", t.parentAssignmentId())
                .append("withdrawn", a.withdrawn())
                .append("version", a.version())
                .append("revision", a.revision())
                .append("adjustments", a.adjustments().stream().map(AssignmentStore::adjustmentDocument).toList())
                .append("openAdjustment", a.adjustments().stream().anyMatch(r -> r.status() == AdjustmentRequest.Status.REQUESTED))
                .append("terms", json.writeValueAsString(t));
    }

    private Document versionDocument(Assignment.Version v) {
        return new Document("version", v.version()).append("validFrom", Date.from(v.validFrom()))
                .append("terms", json.writeValueAsString(v.terms()));
    }

    private static Document adjustmentDocument(AdjustmentRequest r) {
        return new Document("number", r.number())
                .append("value", r.value() == null ? null : new Decimal128(r.value()))
                .append("standardScore", r.standardScore() == null ? null : new Decimal128(r.standardScore()))
                .append("reason", r.reason()).append("requestedBy", r.requestedBy())
                .append("requestedAt", Date.from(r.requestedAt())).append("ordered", r.ordered())
                .append("status", r.status().name()).append("decidedBy", r.decidedBy())
                .append("decidedAt", r.decidedAt() == null ? null : Date.from(r.decidedAt()))
                .append("decisionNote", r.decisionNote());
    }

    private static AdjustmentRequest adjustment(Document d) {
        Decimal128 value = d.get("value", Decimal128.class);
        Decimal128 score = d.get("standardScore", Decimal128.class);
        Date decidedAt = d.getDate("decidedAt");
        return new AdjustmentRequest(d.getInteger("number"), value == null ? null : value.bigDecimalValue(),
                score == null ? null : score.bigDecimalValue(), d.getString("reason"), d.getString("requestedBy"),
                d.getDate("requestedAt").toInstant(), Boolean.TRUE.equals(d.getBoolean("ordered")),
                AdjustmentRequest.Status.valueOf(d.getString("status")), d.getString("decidedBy"),
                decidedAt == null ? null : decidedAt.toInstant(), d.getString("decisionNote"));
    }

    private Assignment read(Document d) {
        return restore(d, List.of());
    }

    private Assignment restore(Document d, List<Assignment.Version> history) {
        long version = ((Number) d.get("version")).longValue();
        Number revision = (Number) d.get("revision");
        return Assignment.restore(d.getString("_id"), json.readValue(d.getString("terms"), AssignmentTerms.class),
                version, Boolean.TRUE.equals(d.getBoolean("withdrawn")), history,
                d.getList("adjustments", Document.class, List.of()).stream().map(AssignmentStore::adjustment).toList(),
                revision == null ? version : revision.longValue());
    }

    private Assignment readWithHistory(Document d) {
        List<Assignment.Version> history = new ArrayList<>();
        for (Document v : d.getList("history", Document.class, List.of())) {
            history.add(new Assignment.Version(((Number) v.get("version")).longValue(), v.getDate("validFrom").toInstant(),
                    json.readValue(v.getString("terms"), AssignmentTerms.class)));
        }
        return restore(d, history);
    }
}
