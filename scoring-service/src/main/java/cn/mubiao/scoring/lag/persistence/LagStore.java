package cn.mubiao.scoring.lag.persistence;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.LatestVersions;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.kit.security.UnitRelations;
import cn.mubiao.scoring.lag.domain.GapList.Gap;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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

    /**
     * Records the actual reported for a period; a later report of the same period replaces it.
     *
     * @param reportId the report it came from; null keeps the one recorded (a recomputation)
     */
    public void saveActual(String assignmentId, String period, BigDecimal actual, String reportId) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("assignmentId", assignmentId),
                Updates.set("period", period), Updates.set("actual", new Decimal128(actual))));
        if (reportId != null) {
            updates.add(Updates.set("reportId", reportId));
        }
        actuals.updateOne(Filters.eq("_id", key(assignmentId, period)), Updates.combine(updates),
                new UpdateOptions().upsert(true));
    }

    /** The actual of the period; empty when none came (or only milestones not yet assessed). */
    public Optional<BigDecimal> actual(String assignmentId, String period) {
        return Optional.ofNullable(actuals.find(Filters.eq("_id", key(assignmentId, period))).first())
                .map(d -> d.get("actual", Decimal128.class)).map(Decimal128::bigDecimalValue);
    }

    /**
     * Keeps the milestones a qualitative target's report gave for the period, so they are assessed when the target
     * arrives after them (or is replayed); a later report of the same period replaces them.
     */
    public void saveMilestones(String assignmentId, String period, List<MilestoneProgress> milestones, String reportId) {
        List<Document> docs = milestones.stream().map(m -> new Document("title", m.title())
                .append("due", m.due() == null ? null : m.due().toString()).append("done", m.done())
                .append("doneOn", m.doneOn() == null ? null : m.doneOn().toString()).append("note", m.note())).toList();
        actuals.updateOne(Filters.eq("_id", key(assignmentId, period)),
                Updates.combine(Updates.set("assignmentId", assignmentId), Updates.set("period", period),
                        Updates.set("milestones", docs), Updates.set("reportId", reportId)),
                new UpdateOptions().upsert(true));
    }

    /** The milestones last reported for the period; empty when none were. */
    public List<MilestoneProgress> milestones(String assignmentId, String period) {
        Document d = actuals.find(Filters.eq("_id", key(assignmentId, period))).first();
        if (d == null) {
            return List.of();
        }
        return d.getList("milestones", Document.class, List.of()).stream().map(m -> new MilestoneProgress(
                m.getString("title"), date(m.getString("due")), Boolean.TRUE.equals(m.getBoolean("done")),
                date(m.getString("doneOn")), m.getString("note"))).toList();
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    public List<String> periodsWithActuals(String assignmentId) {
        return actuals.find(Filters.eq("assignmentId", assignmentId)).map(d -> d.getString("period")).into(new ArrayList<>());
    }

    public LagRecord record(String assignmentId, Period period) {
        Document d = status.find(Filters.eq("_id", key(assignmentId, period.code()))).first();
        return d == null ? LagRecord.none(assignmentId, period) : read(d);
    }

    /**
     * The records of a period and of the one before it ({@link Period#previous()}), in one query: what a change of the
     * period reads before it is written.
     */
    public WithPrevious recordWithPrevious(String assignmentId, Period period) {
        Period before = period.previous();
        String id = key(assignmentId, period.code());
        String beforeId = key(assignmentId, before.code());
        LagRecord current = LagRecord.none(assignmentId, period);
        LagRecord previous = LagRecord.none(assignmentId, before);
        for (Document d : status.find(Filters.in("_id", id, beforeId))) {
            if (id.equals(d.getString("_id"))) {
                current = read(d);
            } else {
                previous = read(d);
            }
        }
        return new WithPrevious(current, previous);
    }

    /** A period's record and the record of the period before it. */
    public record WithPrevious(LagRecord record, LagRecord previous) {
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
    public boolean save(LagRecord r, TargetAssigned target, List<OutboxEntry> events) {
        LagAssessment a = r.assessment();
        List<Bson> updates = new ArrayList<>(targetFields(target));
        updates.addAll(List.of(
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

    /**
     * The assignment's terms the gap lists group, filter and scope by, copied into its status documents so one query
     * answers a list: written with every status and refreshed when the assignment changes ({@link #refreshTerms}).
     */
    private static List<Bson> targetFields(TargetAssigned t) {
        return List.of(
                Updates.set("unitCode", t.unitCode()),
                Updates.set("unitName", t.unitName()),
                Updates.set("coUnitCodes", t.coUnitCodes()),
                Updates.set("monitorUnitCode", t.monitorUnitCode()),
                Updates.set("category", t.category()),
                Updates.set("leaders", t.leaders()),
                Updates.set("targetCode", t.targetCode()),
                Updates.set("targetTitle", t.targetTitle()),
                Updates.set("indicatorKind", t.indicatorKind() == null ? null : t.indicatorKind().name()),
                Updates.set("unitOfMeasure", t.unitOfMeasure()),
                Updates.set("targetValue", t.targetValue() == null ? null : new Decimal128(t.targetValue())));
    }

    /**
     * A changed assignment (another unit, category, leaders or value) changes the terms copied into every one of its
     * status documents, periods without a report included; their status and version stay as they are.
     */
    public void refreshTerms(TargetAssigned t) {
        status.updateMany(Filters.eq("assignmentId", t.assignmentId()), Updates.combine(targetFields(t)));
    }

    /**
     * The status documents of one period behind the calendar, narrowed in the query to what the scope may cover (the
     * caller's check on each relation still decides).
     *
     * @param scope a filter on {@code unitCode}, {@code coUnitCodes} and {@code monitorUnitCode}
     * @param sees  the caller's check on the assignment's unit relations: what it refuses is left out
     */
    public List<Gap> behind(String period, Bson scope, Predicate<UnitRelations> sees) {
        Bson filter = Filters.and(Filters.eq("period", period),
                Filters.in("status", LagStatus.LAGGING.name(), LagStatus.SERIOUSLY_LAGGING.name()), scope);
        List<Gap> out = new ArrayList<>();
        for (Document d : status.find(filter)) {
            if (d.getString("unitCode") != null && sees.test(UnitRelations.of(d.getString("unitCode"),
                    d.getList("coUnitCodes", String.class, List.of()), d.getString("monitorUnitCode")))) {
                out.add(gap(d));
            }
        }
        return out;
    }

    private static Gap gap(Document d) {
        String kind = d.getString("indicatorKind");
        return new Gap(d.getString("assignmentId"), d.getString("targetCode"), d.getString("targetTitle"),
                d.getString("category"), d.getString("unitCode"), d.getString("unitName"),
                d.getList("leaders", String.class, List.of()), kind == null ? null : IndicatorKind.valueOf(kind),
                d.getString("unitOfMeasure"), dec(d, "targetValue"), LagStatus.valueOf(d.getString("status")),
                dec(d, "expectedShare"), dec(d, "completion"), dec(d, "gapPoints"), dec(d, "actual"),
                d.getString("reason"), Boolean.TRUE.equals(d.getBoolean("escalated")));
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
