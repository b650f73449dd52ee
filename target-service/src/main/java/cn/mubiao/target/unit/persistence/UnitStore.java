package cn.mubiao.target.unit.persistence;

import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.kit.security.Level;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.target.unit.domain.AssessmentCategory;
import cn.mubiao.target.unit.domain.Contact;
import cn.mubiao.target.unit.domain.DepartmentKind;
import cn.mubiao.target.unit.domain.Profile;
import cn.mubiao.target.unit.domain.RegionKind;
import cn.mubiao.target.unit.domain.Unit;
import cn.mubiao.target.unit.domain.UnitChange;
import cn.mubiao.target.unit.domain.UnitStatus;
import cn.mubiao.target.unit.domain.UnitTree;
import cn.mubiao.target.unit.domain.UnitVersion;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Units, one document each: the current version's fields at the top (for queries), every version in
 * {@code versions}, and the unpublished events in {@code outbox}, all written in one update.
 */
@Component
public class UnitStore implements UnitTree {

    public static final String COLLECTION = "units";

    private final MongoCollection<Document> collection;

    UnitStore(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
    }

    public Optional<Unit> find(String code) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", code)).first()).map(UnitStore::read);
    }

    /** The current name, parent, status and category of a unit, read without its versions. */
    public record Summary(String code, String name, String parentCode, boolean active, String assessmentCategory) {
    }

    /**
     * Many units' summaries in one query (the ones that exist). Past a few hundred codes the whole tree is read
     * instead: the MongoDB protocol server we run on matches {@code $in} against a list, which made checking a
     * province-sized split (10,000 codes against 10,000 units) quadratic.
     */
    public List<Summary> summaries(java.util.Collection<String> codes) {
        var wanted = codes instanceof java.util.Set<String> set ? set : new java.util.HashSet<>(codes);
        Bson filter = wanted.size() > 300 ? Filters.empty() : Filters.in("_id", wanted);
        return collection.find(filter)
                .projection(com.mongodb.client.model.Projections.include("name", "parentCode", "status", "assessmentCategory"))
                .batchSize(2000)
                .map(d -> new Summary(d.getString("_id"), d.getString("name"), d.getString("parentCode"),
                        UnitStatus.ACTIVE.name().equals(d.getString("status")), d.getString("assessmentCategory")))
                .into(new ArrayList<>()).stream().filter(u -> wanted.contains(u.code())).toList();
    }

    @Override
    public Optional<UnitVersion> current(String code) {
        return find(code).map(Unit::current);
    }

    @Override
    public long activeChildren(String code) {
        return collection.countDocuments(Filters.and(Filters.eq("parentCode", code), Filters.eq("status", UnitStatus.ACTIVE.name())));
    }

    @Override
    public long activeAttached(String code) {
        return collection.countDocuments(Filters.and(Filters.eq("attachedTo", code), Filters.eq("status", UnitStatus.ACTIVE.name())));
    }

    /** What the list may filter on; null means no filter. {@code nameContains} is a plain substring. */
    public record Query(String parentCode, Level level, AssessmentCategory category,
                        UnitStatus status, String nameContains) {
    }

    public record Page(List<Unit> items, long total) {
    }

    /**
     * One page of the units a caller's unit may see, selected and counted in the database: a region sees its
     * subtree (its departments included), a department itself and the units attached to it.
     */
    public Page page(String callerUnit, Query q, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(UnitCodes.isDepartment(callerUnit)
                ? Filters.or(Filters.eq("_id", callerUnit), Filters.eq("attachedTo", callerUnit))
                : Filters.regex("_id", "^" + Pattern.quote(UnitCodes.subtreePrefix(callerUnit))));
        if (q.parentCode() != null) {
            filters.add(Filters.eq("parentCode", q.parentCode()));
        }
        if (q.level() != null) {
            filters.add(Filters.eq("level", q.level().name()));
        }
        if (q.category() != null) {
            filters.add(Filters.eq("assessmentCategory", q.category().name()));
        }
        if (q.status() != null) {
            filters.add(Filters.eq("status", q.status().name()));
        }
        if (q.nameContains() != null) {
            filters.add(Filters.regex("name", Pattern.quote(q.nameContains())));
        }
        Bson filter = Filters.and(filters);
        long total = collection.countDocuments(filter);
        List<Unit> items = collection.find(filter).sort(Sorts.ascending("_id")).skip(page * size).limit(size)
                .map(UnitStore::read).into(new ArrayList<>());
        return new Page(items, total);
    }

    /**
     * Writes the unit (its current fields and all its versions) and appends its new events to the outbox in
     * one update, guarded by the version it was read at.
     *
     * @param readVersion 0 for a unit not stored yet
     * @return false when another writer changed or registered it first
     */
    public boolean save(Unit unit, long readVersion, List<OutboxEntry> events) {
        UnitVersion now = unit.current();
        Profile p = now.profile();
        var update = Updates.combine(
                Updates.set("name", p.name()),
                Updates.set("level", now.level().name()),
                Updates.set("parentCode", now.parentCode()),
                Updates.set("attachedTo", p.attachedTo()),
                Updates.set("assessmentCategory", name(p.assessmentCategory())),
                Updates.set("status", now.status().name()),
                Updates.set("version", now.version()),
                Updates.set("versions", unit.history().stream().map(UnitStore::write).toList()),
                Updates.pushEach(OutboxEntry.FIELD, events.stream().map(OutboxEntry::toDocument).toList()));
        return GuardedWrite.apply(collection, unit.code(), readVersion, update);
    }

    private static Document write(UnitVersion v) {
        Profile p = v.profile();
        return new Document("parentCode", v.parentCode())
                .append("name", p.name())
                .append("kind", name(p.kind()))
                .append("departmentKind", name(p.departmentKind()))
                .append("attachedTo", p.attachedTo())
                .append("assessmentCategory", name(p.assessmentCategory()))
                .append("contacts", v.contacts().stream().map(c -> new Document("name", c.name()).append("post", c.post())
                        .append("phone", c.phone()).append("email", c.email())).toList())
                .append("status", v.status().name())
                .append("successor", v.successor())
                .append("version", v.version())
                .append("validFrom", v.validFrom().toString())
                .append("change", v.change().name())
                .append("reason", v.reason());
    }

    private static Unit read(Document d) {
        String code = d.getString("_id");
        List<UnitVersion> versions = d.getList("versions", Document.class).stream().map(v -> new UnitVersion(code,
                v.getString("parentCode"),
                new Profile(v.getString("name"), value(RegionKind.class, v.getString("kind")),
                        value(DepartmentKind.class, v.getString("departmentKind")), v.getString("attachedTo"),
                        value(AssessmentCategory.class, v.getString("assessmentCategory"))),
                v.getList("contacts", Document.class, List.of()).stream().map(c -> new Contact(c.getString("name"),
                        c.getString("post"), c.getString("phone"), c.getString("email"))).toList(),
                UnitStatus.valueOf(v.getString("status")), v.getString("successor"),
                ((Number) v.get("version")).longValue(), LocalDate.parse(v.getString("validFrom")),
                UnitChange.valueOf(v.getString("change")), v.getString("reason"))).toList();
        return Unit.restore(code, versions);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
