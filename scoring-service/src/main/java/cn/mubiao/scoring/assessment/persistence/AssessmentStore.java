package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.events.LatestVersions;
import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts.FraudFlag;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts.Terms;
import cn.mubiao.scoring.assessment.domain.PeriodValue;
import cn.mubiao.scoring.assessment.domain.UnitYear;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The assessment's read model, every hot read by {@code _id}:
 * <ul>
 * <li>{@code assessment_facts}: one document per assignment ({@code _id "2007|410102|<assignment id>"}) holding its
 * terms, period values and fraud flags, written read-modify-write under a version guard ({@link GuardedWrite}),
 * retried when another writer came first: a report moves one assignment's facts, not its unit's year;</li>
 * <li>{@code assessment_unit_years}: one small document per plan year and unit ({@code _id "2007|410102"}): the
 * unit's name and the ids of its assignments, through which a unit's year is read ({@code _id $in});</li>
 * <li>{@code assessment_years}: one document per year ({@code _id 2007}) listing the units that have one, for the
 * rankings;</li>
 * <li>{@code assessment_assignments}: where an assignment lives ({@code _id} the assignment id: year and unit), and
 * a withdrawal seen before its assignment, since {@code AssignmentWithdrawn} carries no year;</li>
 * <li>{@code assessment_units}: the latest {@code UnitChanged} per unit code (name, assessment category).</li>
 * </ul>
 * A unit's year first kept its assignments inside its own document; those are split out when the store starts
 * (ADR 0016).
 */
@Component
public class AssessmentStore {

    private static final Logger log = LoggerFactory.getLogger(AssessmentStore.class);
    private static final int ATTEMPTS = 20;
    /** Unit-years per facts query: a few megabytes per reply (a unit's year with 100 assignments is ~100-300 KiB). */
    private static final int BATCH = 16;
    private static final ThreadFactory READER = Thread.ofPlatform().name("assessment-facts-reader").daemon().factory();

    private final MongoCollection<Document> unitYears;
    private final MongoCollection<Document> facts;
    private final MongoCollection<Document> years;
    private final MongoCollection<Document> places;
    private final LatestVersions<UnitChanged> units;

    AssessmentStore(MongoDatabase db, JsonMapper json) {
        this.unitYears = db.getCollection("assessment_unit_years");
        this.facts = db.getCollection("assessment_facts");
        this.years = db.getCollection("assessment_years");
        this.places = db.getCollection("assessment_assignments");
        this.units = new LatestVersions<>(db, "assessment_units", UnitChanged.class, json);
        splitUnitYearsOfTheFirstShape();
    }

    /** Where an assignment lives, and the newest withdrawal seen for it (0: none). */
    public record Place(String assignmentId, Integer year, String unitCode, long withdrawnVersion) {
    }

    public Optional<UnitYear> unitYear(int year, String unitCode) {
        Document header = unitYears.find(Filters.eq("_id", key(year, unitCode))).first();
        return header == null ? Optional.empty() : Optional.of(read(List.of(header)).getFirst());
    }

    /** Names the unit's year after its unit (a name already there, or none given, writes nothing). */
    public void named(int year, String unitCode, String unitName) {
        if (unitName == null) {
            return;
        }
        Document header = unitYears.find(Filters.eq("_id", key(year, unitCode)))
                .projection(Projections.include("unitName")).first();
        if (header == null || !unitName.equals(header.getString("unitName"))) {
            header(year, unitCode, header == null, Updates.set("unitName", unitName));
        }
    }

    /**
     * Applies a change to one assignment of the unit's year, reading and writing that assignment alone; an
     * assignment not stored yet is listed in its unit's year first (so a crash between the two leaves it listed,
     * read as {@link AssignmentFacts#unknown}, and the replayed event writes it). A change that changes nothing
     * writes nothing.
     */
    public void changeAssignment(int year, String unitCode, String assignmentId, UnaryOperator<AssignmentFacts> change) {
        String id = factsId(key(year, unitCode), assignmentId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document doc = facts.find(Filters.eq("_id", id)).first();
            if (doc == null) {
                listed(year, unitCode, assignmentId);
            }
            AssignmentFacts before = doc == null ? AssignmentFacts.unknown(assignmentId)
                    : readAssignment(doc.get("facts", Document.class));
            AssignmentFacts after = change.apply(before);
            if (doc != null && after.equals(before)) {
                return;
            }
            long readVersion = doc == null ? 0 : doc.get("version", Number.class).longValue();
            if (GuardedWrite.apply(facts, id, readVersion, Updates.combine(Updates.set("facts", write(after)),
                    Updates.set("version", readVersion + 1)))) {
                return;
            }
        }
        throw new IllegalStateException("too many concurrent writes to " + id);
    }

    private void listed(int year, String unitCode, String assignmentId) {
        boolean isNew = unitYears.find(Filters.eq("_id", key(year, unitCode))).projection(Projections.include("_id"))
                .first() == null;
        header(year, unitCode, isNew, Updates.addToSet("assignmentIds", assignmentId));
    }

    /** Writes the unit's year's own document, creating it (and listing the unit in its year first) when new. */
    private void header(int year, String unitCode, boolean isNew, Bson update) {
        if (isNew) {
            years.updateOne(Filters.eq("_id", year), Updates.addToSet("units", unitCode), new UpdateOptions().upsert(true));
        }
        unitYears.updateOne(Filters.eq("_id", key(year, unitCode)), Updates.combine(Updates.setOnInsert("year", year),
                Updates.setOnInsert("unitCode", unitCode), update), new UpdateOptions().upsert(true));
    }

    /**
     * Every unit's year of {@code year} whose unit code starts with {@code codePrefix} (an area's
     * {@link cn.mubiao.kit.security.UnitCodes#subtreePrefix}), handed over one by one: the units' years by one
     * cursor, their assignments by one query per {@value #BATCH} units. The next units' assignments are read, on a
     * thread of the call's own, while {@code action} takes the current ones: the reading (the server's answer and
     * its decoding) and the caller's work overlap. At most two batches are held at a time.
     */
    public void forEachUnitYear(int year, String codePrefix, Consumer<UnitYear> action) {
        try (ExecutorService reader = Executors.newSingleThreadExecutor(READER);
             MongoCursor<Document> cursor = unitYears.find(Filters.regex("_id",
                     "^" + Pattern.quote(key(year, codePrefix)))).batchSize(BATCH * 8).iterator()) {
            Future<List<UnitYear>> ahead = null;
            List<Document> batch = new ArrayList<>(BATCH);
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == BATCH || !cursor.hasNext()) {
                    List<Document> headers = batch;
                    Future<List<UnitYear>> next = reader.submit(() -> read(headers));
                    if (ahead != null) {
                        read(ahead).forEach(action);
                    }
                    ahead = next;
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (ahead != null) {
                read(ahead).forEach(action);
            }
        }
    }

    private static List<UnitYear> read(Future<List<UnitYear>> read) {
        try {
            return read.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the assessment's facts", e);
        }
    }

    /** The latest {@code UnitChanged} of every unit whose code starts with {@code codePrefix}, by code: one query. */
    public Map<String, UnitChanged> units(String codePrefix) {
        return units.findAll(Filters.regex("_id", "^" + Pattern.quote(codePrefix)));
    }

    /** The units that have an assessment read model for the year. */
    public Set<String> unitsOf(int year) {
        Document doc = years.find(Filters.eq("_id", year)).first();
        return doc == null ? Set.of() : new TreeSet<>(doc.getList("units", String.class));
    }

    /** The years that have an assessment read model (one small document each). */
    public Set<Integer> years() {
        return years.find().map(d -> d.getInteger("_id")).into(new TreeSet<>());
    }

    public Optional<Place> place(String assignmentId) {
        return Optional.ofNullable(places.find(Filters.eq("_id", assignmentId)).first())
                .map(d -> new Place(assignmentId, d.getInteger("year"), d.getString("unitCode"),
                        d.get("withdrawnVersion") instanceof Number n ? n.longValue() : 0));
    }

    public void placed(String assignmentId, int year, String unitCode) {
        places.updateOne(Filters.eq("_id", assignmentId), Updates.combine(Updates.set("year", year),
                Updates.set("unitCode", unitCode)), new UpdateOptions().upsert(true));
    }

    /** Remembers the newest withdrawal of an assignment (an older or replayed one changes nothing). */
    public void withdrawalSeen(String assignmentId, long version) {
        places.updateOne(Filters.eq("_id", assignmentId), Updates.max("withdrawnVersion", version),
                new UpdateOptions().upsert(true));
    }

    public void saveUnit(UnitChanged unit) {
        units.save(unit.code(), unit.version(), unit, Map.of());
    }

    public Optional<UnitChanged> unit(String code) {
        return units.find(code);
    }

    /** The {@code _id} of a unit's year. */
    static String key(int year, String unitCode) {
        return year + "|" + unitCode;
    }

    /** The {@code _id} of an assignment's facts: its unit's year's, then the assignment's. */
    static String factsId(String unitYearId, String assignmentId) {
        return unitYearId + "|" + assignmentId;
    }

    /** A unit's year as a document of its own (a published version's snapshot of the facts). */
    static Document snapshot(UnitYear u) {
        return new Document("year", u.year()).append("unitCode", u.unitCode()).append("unitName", u.unitName())
                .append("assignments", u.assignments().values().stream().map(AssessmentStore::write).toList());
    }

    static UnitYear fromSnapshot(Document doc) {
        Map<String, AssignmentFacts> assignments = new HashMap<>();
        for (Document d : doc.getList("assignments", Document.class, List.of())) {
            AssignmentFacts a = readAssignment(d);
            assignments.put(a.assignmentId(), a);
        }
        return new UnitYear(doc.getInteger("year"), doc.getString("unitCode"), doc.getString("unitName"), assignments);
    }

    private static Document write(AssignmentFacts a) {
        Document d = new Document("assignmentId", a.assignmentId()).append("version", a.version())
                .append("withdrawn", a.withdrawn());
        Terms t = a.terms();
        if (t != null) {
            d.append("terms", new Document("targetCode", t.targetCode()).append("title", t.title())
                    .append("kind", t.kind()).append("unitOfMeasure", t.unitOfMeasure())
                    .append("targetValue", dec(t.targetValue())).append("standardScore", dec(t.standardScore()))
                    .append("role", t.role()).append("coUnitCodes", t.coUnitCodes())
                    .append("issuerUnitCode", t.issuerUnitCode()).append("provinceCode", t.provinceCode())
                    .append("source", t.source()).append("provinceTargetValue", dec(t.provinceTargetValue()))
                    .append("cityTargetValue", dec(t.cityTargetValue()))
                    .append("targetValueProvenance", t.targetValueProvenance()));
        }
        d.append("periods", a.periods().values().stream().map(p -> new Document("period", p.period())
                .append("reported", dec(p.reported())).append("reportedVersion", p.reportedVersion())
                .append("verified", dec(p.verified()))
                .append("verifiedAt", date(p.verifiedAt())).append("verifiedAtNanos", nanos(p.verifiedAt()))
                .append("verifiedSource", p.verifiedSource())
                .append("reportedValue", dec(p.reportedValue()))
                .append("reportedAt", date(p.reportedAt())).append("reportedAtNanos", nanos(p.reportedAt()))
                .append("verifiedValue", dec(p.verifiedValue()))).toList());
        d.append("fraudFlags", a.fraudFlags().stream().sorted().map(f -> new Document("reportId", f.reportId())
                .append("reportVersion", f.reportVersion()).append("period", f.period())
                .append("reason", f.reason())).toList());
        return d;
    }

    /** The units' years of these documents, in their order, with their assignments read by one query. */
    private List<UnitYear> read(List<Document> headers) {
        List<String> ids = new ArrayList<>();
        for (Document h : headers) {
            for (String assignmentId : h.getList("assignmentIds", String.class, List.of())) {
                ids.add(factsId(h.getString("_id"), assignmentId));
            }
        }
        Map<String, Document> found = new HashMap<>();
        if (!ids.isEmpty()) {
            facts.find(Filters.in("_id", ids)).batchSize(ids.size()).forEach(d -> found.put(d.getString("_id"), d));
        }
        List<UnitYear> read = new ArrayList<>(headers.size());
        int next = 0; // ids are in the order of the headers and their assignments
        for (Document h : headers) {
            Map<String, AssignmentFacts> assignments = new HashMap<>();
            for (String assignmentId : h.getList("assignmentIds", String.class, List.of())) {
                Document d = found.get(ids.get(next++));
                assignments.put(assignmentId, d == null ? AssignmentFacts.unknown(assignmentId)
                        : readAssignment(d.get("facts", Document.class)));
            }
            read.add(new UnitYear(h.getInteger("year"), h.getString("unitCode"), h.getString("unitName"), assignments));
        }
        return read;
    }

    /**
     * The first shape kept a unit's year's assignments inside its document ({@code assignments}). Writes each as a
     * document of its own where none is yet (one written since is newer), lists it, then drops the array: safe to
     * repeat after a crash at any step.
     */
    private void splitUnitYearsOfTheFirstShape() {
        int split = 0;
        for (Document old : unitYears.find(Filters.exists("assignments")).batchSize(BATCH)) {
            String id = old.getString("_id");
            List<String> assignmentIds = new ArrayList<>();
            for (Document a : old.getList("assignments", Document.class, List.of())) {
                String assignmentId = a.getString("assignmentId");
                assignmentIds.add(assignmentId);
                facts.updateOne(Filters.eq("_id", factsId(id, assignmentId)), Updates.combine(
                        Updates.setOnInsert("facts", a), Updates.setOnInsert("version", 1L)),
                        new UpdateOptions().upsert(true));
            }
            unitYears.updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.addEachToSet("assignmentIds", assignmentIds), Updates.unset("assignments")));
            split++;
        }
        if (split > 0) {
            log.info("split the assignments of {} unit-year(s) into documents of their own", split);
        }
    }

    private static AssignmentFacts readAssignment(Document d) {
        Document t = d.get("terms", Document.class);
        Terms terms = t == null ? null : new Terms(t.getString("targetCode"), t.getString("title"),
                t.getString("kind"), t.getString("unitOfMeasure"), dec(t, "targetValue"), dec(t, "standardScore"),
                t.getString("role"), t.getList("coUnitCodes", String.class, List.of()), t.getString("issuerUnitCode"),
                t.getString("provinceCode"), t.getString("source"), dec(t, "provinceTargetValue"),
                dec(t, "cityTargetValue"), t.getString("targetValueProvenance"));
        Map<String, PeriodValue> periods = new HashMap<>();
        for (Document p : d.getList("periods", Document.class, List.of())) {
            periods.put(p.getString("period"), new PeriodValue(p.getString("period"), dec(p, "reported"),
                    p.getInteger("reportedVersion", 0), dec(p, "verified"), instant(p, "verifiedAt"),
                    p.getString("verifiedSource"), dec(p, "reportedValue"), instant(p, "reportedAt"),
                    dec(p, "verifiedValue")));
        }
        Set<FraudFlag> flags = new HashSet<>();
        for (Document f : d.getList("fraudFlags", Document.class, List.of())) {
            flags.add(new FraudFlag(f.getString("reportId"), f.getInteger("reportVersion", 0), f.getString("period"),
                    f.getString("reason")));
        }
        return new AssignmentFacts(d.getString("assignmentId"),
                d.get("version", Number.class).longValue(), terms, d.getBoolean("withdrawn", false), periods, flags);
    }

    /** An instant as a BSON date (milliseconds) beside its {@code <field>Nanos}, so it reads back exactly. */
    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Integer nanos(Instant at) {
        return at == null ? null : at.getNano();
    }

    private static Instant instant(Document d, String field) {
        Date at = d.getDate(field);
        return at == null ? null : at.toInstant().plusNanos(d.getInteger(field + "Nanos", 0) % 1_000_000);
    }

    private static Decimal128 dec(BigDecimal value) {
        return value == null ? null : new Decimal128(value.round(MathContext.DECIMAL128)); // computed totals run past 34 digits
    }

    private static BigDecimal dec(Document d, String field) {
        return d.get(field) instanceof Decimal128 x ? x.bigDecimalValue() : null;
    }
}
