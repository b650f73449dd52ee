package cn.mubiao.scoring.lag.persistence;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.LatestVersions;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.scoring.lag.domain.LagAssessment;
import cn.mubiao.scoring.lag.domain.LagRecord;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * scoring-service's own data for lag status: the assignments read model, the latest actual per assignment
 * and period, and the lag status documents, which carry their unpublished {@code StatusChanged} and
 * {@code EscalationRaised} in {@code outbox} (one guarded write for the state and its events).
 */
@Component
public class LagStore {

    public static final String STATUS_COLLECTION = "lag_status";

    private final LatestVersions<TargetAssigned> targets;
    private final MongoCollection<Document> actuals;
    private final MongoCollection<Document> status;

    LagStore(MongoDatabase db, JsonMapper json) {
        this.targets = new LatestVersions<>(db, "assignments", TargetAssigned.class, json);
        this.actuals = db.getCollection("actuals");
        this.status = db.getCollection(STATUS_COLLECTION);
    }

    public void saveTarget(TargetAssigned t) {
        targets.save(t.assignmentId(), t.version(), t, Map.of("unitCode", t.unitCode()));
    }

    public Optional<TargetAssigned> target(String assignmentId) {
        return targets.find(assignmentId);
    }

    /** Records the actual reported for a period; a later report of the same period replaces it. */
    public void saveActual(String assignmentId, String period, BigDecimal actual, String reportId) {
        actuals.updateOne(Filters.eq("_id", key(assignmentId, period)),
                Updates.combine(Updates.set("assignmentId", assignmentId), Updates.set("period", period),
                        Updates.set("actual", new Decimal128(actual)), Updates.set("reportId", reportId)),
                new UpdateOptions().upsert(true));
    }

    public Optional<BigDecimal> actual(String assignmentId, String period) {
        return Optional.ofNullable(actuals.find(Filters.eq("_id", key(assignmentId, period))).first())
                .map(d -> d.get("actual", Decimal128.class).bigDecimalValue());
    }

    public List<String> periodsWithActuals(String assignmentId) {
        return actuals.find(Filters.eq("assignmentId", assignmentId)).map(d -> d.getString("period")).into(new ArrayList<>());
    }

    public LagRecord record(String assignmentId, Period period) {
        Document d = status.find(Filters.eq("_id", key(assignmentId, period.code()))).first();
        return d == null ? LagRecord.none(assignmentId, period) : read(d);
    }

    public List<LagRecord> records(String assignmentId) {
        return status.find(Filters.eq("assignmentId", assignmentId)).sort(Sorts.ascending("period"))
                .map(LagStore::read).into(new ArrayList<>());
    }

    /**
     * Stores the record's state and appends its new events to the document's outbox, in one update guarded by the
     * version the record was read at ({@link GuardedWrite}).
     *
     * @return false when another writer changed the document first: nothing was written, read it again and redo
     */
    public boolean save(LagRecord r, List<OutboxEntry> events) {
        LagAssessment a = r.assessment();
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("assignmentId", r.assignmentId()),
                Updates.set("period", r.period().code()),
                Updates.set("status", r.status().name()),
                Updates.set("expectedShare", new Decimal128(a.expectedShare())),
                Updates.set("completion", new Decimal128(a.completion())),
                Updates.set("gapPoints", new Decimal128(a.gapPoints())),
                Updates.set("reason", a.reason()),
                Updates.set("actual", r.actual() == null ? null : new Decimal128(r.actual())), // null: no report by the deadline
                Updates.set("escalated", r.escalated()),
                Updates.set("version", r.version() + 1)));
        if (!events.isEmpty()) {
            updates.add(Updates.pushEach(OutboxEntry.FIELD, events.stream().map(OutboxEntry::toDocument).toList()));
        }
        return GuardedWrite.apply(status, key(r.assignmentId(), r.period().code()), r.version(), Updates.combine(updates));
    }

    private static LagRecord read(Document d) {
        LagAssessment a = new LagAssessment(LagStatus.valueOf(d.getString("status")), dec(d, "expectedShare"),
                dec(d, "completion"), dec(d, "gapPoints"), d.getString("reason"));
        Number version = d.get("version", Number.class); // documents written before versions read as new
        return LagRecord.restore(d.getString("assignmentId"), Period.parse(d.getString("period")).orElseThrow(),
                a.status(), a, dec(d, "actual"), Boolean.TRUE.equals(d.getBoolean("escalated")),
                version == null ? 0 : version.longValue());
    }

    private static BigDecimal dec(Document d, String field) {
        Object v = d.get(field);
        return v == null ? null : v instanceof Decimal128 x ? x.bigDecimalValue() : new BigDecimal(String.valueOf(v));
    }

    /** The {@code _id} of a record's document. */
    public static String idOf(LagRecord r) {
        return key(r.assignmentId(), r.period().code());
    }

    private static String key(String assignmentId, String period) {
        return assignmentId + "|" + period;
    }
}
