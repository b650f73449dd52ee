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
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The assessment's read model, every hot read by {@code _id}:
 * <ul>
 * <li>{@code assessment_unit_years}: one document per plan year and unit ({@code _id "2007|410102"}) holding the
 * unit's assignments with their terms, period values and fraud flags; written read-modify-write under a version
 * guard ({@link GuardedWrite}), retried when another writer came first;</li>
 * <li>{@code assessment_years}: one document per year ({@code _id 2007}) listing the units that have one, for the
 * rankings;</li>
 * <li>{@code assessment_assignments}: where an assignment lives ({@code _id} the assignment id: year and unit), and
 * a withdrawal seen before its assignment, since {@code AssignmentWithdrawn} carries no year;</li>
 * <li>{@code assessment_units}: the latest {@code UnitChanged} per unit code (name, assessment category).</li>
 * </ul>
 */
@Component
public class AssessmentStore {

    private static final int ATTEMPTS = 20;
    /** Unit-years per cursor batch: a few megabytes per reply (a unit's year with 100 assignments is ~100-300 KiB). */
    private static final int BATCH = 16;

    private final MongoCollection<Document> unitYears;
    private final MongoCollection<Document> years;
    private final MongoCollection<Document> places;
    private final LatestVersions<UnitChanged> units;

    AssessmentStore(MongoDatabase db, JsonMapper json) {
        this.unitYears = db.getCollection("assessment_unit_years");
        this.years = db.getCollection("assessment_years");
        this.places = db.getCollection("assessment_assignments");
        this.units = new LatestVersions<>(db, "assessment_units", UnitChanged.class, json);
    }

    /** Where an assignment lives, and the newest withdrawal seen for it (0: none). */
    public record Place(String assignmentId, Integer year, String unitCode, long withdrawnVersion) {
    }

    public Optional<UnitYear> unitYear(int year, String unitCode) {
        return Optional.ofNullable(unitYears.find(Filters.eq("_id", key(year, unitCode))).first()).map(AssessmentStore::read);
    }

    /** Applies a change to the unit's year, creating it when new; a change that changes nothing writes nothing. */
    public void change(int year, String unitCode, UnaryOperator<UnitYear> change) {
        String id = key(year, unitCode);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document doc = unitYears.find(Filters.eq("_id", id)).first();
            UnitYear before = doc == null ? UnitYear.empty(year, unitCode) : read(doc);
            long readVersion = doc == null ? 0 : doc.get("version", Number.class).longValue();
            UnitYear after = change.apply(before);
            if (doc != null && after.equals(before)) {
                return;
            }
            if (GuardedWrite.apply(unitYears, id, readVersion, Updates.combine(
                    Updates.set("year", year), Updates.set("unitCode", unitCode),
                    Updates.set("unitName", after.unitName()),
                    Updates.set("assignments", after.assignments().values().stream().map(AssessmentStore::write).toList()),
                    Updates.set("version", readVersion + 1)))) {
                if (doc == null) {
                    years.updateOne(Filters.eq("_id", year), Updates.addToSet("units", unitCode),
                            new UpdateOptions().upsert(true));
                }
                return;
            }
        }
        throw new IllegalStateException("too many concurrent writes to " + id);
    }

    /**
     * Applies a change to one assignment of the unit's year, reading and writing that assignment alone (a unit's
     * year holds all its assignments with their periods: 100 of them are ~100-300 KiB, too much to move for every
     * report). Same outcome as {@code change(year, unitCode, u -> u.withAssignment(assignmentId, change))}, under the
     * same version guard; a unit's year not stored yet is created through {@link #change}.
     */
    public void changeAssignment(int year, String unitCode, String assignmentId, UnaryOperator<AssignmentFacts> change) {
        String id = key(year, unitCode);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document doc = unitYears.find(Filters.eq("_id", id)).projection(Projections.fields(
                    Projections.include("version"),
                    Projections.elemMatch("assignments", Filters.eq("assignmentId", assignmentId)))).first();
            if (doc == null) {
                change(year, unitCode, unit -> unit.withAssignment(assignmentId, change));
                return;
            }
            long readVersion = doc.get("version", Number.class).longValue();
            List<Document> found = doc.getList("assignments", Document.class, List.of());
            AssignmentFacts before = found.isEmpty() ? AssignmentFacts.unknown(assignmentId) : readAssignment(found.getFirst());
            AssignmentFacts after = change.apply(before);
            if (!found.isEmpty() && after.equals(before)) {
                return;
            }
            Bson guard = Filters.and(Filters.eq("_id", id), Filters.eq("version", readVersion));
            Bson version = Updates.set("version", readVersion + 1);
            boolean written = found.isEmpty()
                    ? unitYears.updateOne(guard, Updates.combine(Updates.push("assignments", write(after)), version))
                    .getModifiedCount() == 1
                    : unitYears.updateOne(guard, Updates.combine(Updates.set("assignments.$[a]", write(after)), version),
                    new UpdateOptions().arrayFilters(List.of(Filters.eq("a.assignmentId", assignmentId))))
                    .getModifiedCount() == 1;
            if (written) {
                return;
            }
        }
        throw new IllegalStateException("too many concurrent writes to " + id);
    }

    /**
     * Every unit's year of {@code year} whose unit code starts with {@code codePrefix} (an area's
     * {@link cn.mubiao.kit.security.UnitCodes#subtreePrefix}), handed over one by one as a single cursor brings them:
     * one query for an area instead of one per unit.
     */
    public void forEachUnitYear(int year, String codePrefix, Consumer<UnitYear> action) {
        try (MongoCursor<Document> cursor = unitYears.find(Filters.and(Filters.eq("year", year),
                Filters.regex("unitCode", "^" + Pattern.quote(codePrefix)))).batchSize(BATCH).iterator()) {
            while (cursor.hasNext()) {
                action.accept(read(cursor.next()));
            }
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

    private static String key(int year, String unitCode) {
        return year + "|" + unitCode;
    }

    /** A unit's year as a document of its own (a published version's snapshot of the facts). */
    static Document snapshot(UnitYear u) {
        return new Document("year", u.year()).append("unitCode", u.unitCode()).append("unitName", u.unitName())
                .append("assignments", u.assignments().values().stream().map(AssessmentStore::write).toList());
    }

    static UnitYear fromSnapshot(Document d) {
        return read(d);
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

    private static UnitYear read(Document doc) {
        Map<String, AssignmentFacts> assignments = new HashMap<>();
        for (Document d : doc.getList("assignments", Document.class, List.of())) {
            AssignmentFacts a = readAssignment(d);
            assignments.put(a.assignmentId(), a);
        }
        return new UnitYear(doc.getInteger("year"), doc.getString("unitCode"), doc.getString("unitName"), assignments);
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
