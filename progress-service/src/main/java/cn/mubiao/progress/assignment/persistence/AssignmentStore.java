package cn.mubiao.progress.assignment.persistence;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.progress.assignment.domain.Assignment;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The assignments read model, one document per assignment, kept from target events: the newest version wins,
 * so replays and late duplicates change nothing. A parent lists its children as their events arrive (in any
 * order: a child may come before its parent).
 */
@Component
public class AssignmentStore {

    private final MongoCollection<Document> collection;
    /** per plan target, the shares directly under it: the children of its LEAD assignment */
    private final MongoCollection<Document> targets;

    AssignmentStore(MongoDatabase db) {
        this.collection = db.getCollection("assignments");
        this.targets = db.getCollection("targets");
    }

    /** The assignment, once its terms have arrived (a parent known only from its children is not one yet). */
    public Optional<Assignment> find(String assignmentId) {
        return Optional.ofNullable(collection.find(Filters.and(Filters.eq("_id", assignmentId), Filters.exists("version")))
                .first()).map(AssignmentStore::read);
    }

    /** The assignments with these ids that have arrived, in no particular order. */
    public List<Assignment> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return collection.find(Filters.and(Filters.in("_id", ids), Filters.exists("version"))).batchSize(500)
                .map(AssignmentStore::read).into(new ArrayList<>());
    }

    /** Stores the assignment's terms unless a newer version is already stored; replays change nothing. */
    public void save(Assignment a) {
        Bson update = Updates.combine(
                Updates.set("unitCode", a.unitCode()), Updates.set("unitName", a.unitName()),
                Updates.set("year", a.year()), Updates.set("targetTitle", a.targetTitle()),
                Updates.set("kind", a.kind().name()),
                Updates.set("targetValue", a.targetValue() == null ? null : new Decimal128(a.targetValue())),
                Updates.set("unitOfMeasure", a.unitOfMeasure()), Updates.set("frequency", a.frequency().name()),
                Updates.set("coUnitCodes", a.coUnitCodes()), Updates.set("monitorUnitCode", a.monitorUnitCode()),
                Updates.set("planId", a.planId()), Updates.set("targetCode", a.targetCode()),
                Updates.set("targetId", a.targetId()), Updates.set("role", a.role()),
                Updates.set("parentAssignmentId", a.parentAssignmentId()),
                Updates.set("milestones", a.milestones().stream().map(m -> new Document("due", m.due().toString())
                        .append("title", m.title())).toList()),
                Updates.set("version", a.version()));
        newestWins(a.assignmentId(), a.version(), update);
        if (a.parentAssignmentId() != null) {
            collection.updateOne(Filters.eq("_id", a.parentAssignmentId()), Updates.addToSet("childIds", a.assignmentId()),
                    new UpdateOptions().upsert(true));
        } else if (!a.lead() && a.targetId() != null) {
            targets.updateOne(Filters.eq("_id", a.targetId()), Updates.addToSet("childIds", a.assignmentId()),
                    new UpdateOptions().upsert(true));
        }
    }

    /** The assignments whose actuals add up to this one's: split from it, or for a LEAD, directly under its target. */
    public List<String> childrenOf(Assignment a) {
        if (a.lead() && a.targetId() != null) {
            Document t = targets.find(Filters.eq("_id", a.targetId())).first();
            return t == null ? List.of() : t.getList("childIds", String.class, List.of());
        }
        return a.childIds();
    }

    /** Marks the assignment withdrawn as of its version; an older withdrawal replayed after a newer change does nothing. */
    public void withdraw(String assignmentId, long version, String reason, Instant at) {
        newestWins(assignmentId, version, Updates.combine(Updates.set("withdrawn", true),
                Updates.set("withdrawnReason", reason), Updates.set("withdrawnAt", Date.from(at)),
                Updates.set("version", version)));
    }

    private void newestWins(String id, long version, Bson update) {
        try {
            collection.updateOne(Filters.and(Filters.eq("_id", id),
                            Filters.or(Filters.exists("version", false), Filters.lte("version", version))),
                    update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e; // a newer version is stored: keep it
            }
        }
    }

    private static Assignment read(Document d) {
        Decimal128 target = d.get("targetValue", Decimal128.class);
        List<Document> milestones = d.getList("milestones", Document.class, List.of());
        return new Assignment(d.getString("_id"), d.getString("unitCode"), d.getString("unitName"),
                d.getInteger("year"), d.getString("targetTitle"), IndicatorKind.valueOf(d.getString("kind")),
                target == null ? null : target.bigDecimalValue(), d.getString("unitOfMeasure"),
                Frequency.valueOf(d.getString("frequency")), d.getList("coUnitCodes", String.class),
                d.getString("monitorUnitCode"), ((Number) d.get("version")).longValue(), d.getString("planId"),
                d.getString("targetCode"), d.getString("targetId"), d.getString("role"), d.getString("parentAssignmentId"),
                d.getList("childIds", String.class),
                milestones.stream().map(m -> new Milestone(LocalDate.parse(m.getString("due")), m.getString("title"))).toList(),
                d.getBoolean("withdrawn", false));
    }

    /**
     * Hands every stored assignment to {@code batch}, {@code size} at a time in {@code _id} order. Each batch is
     * one query resuming after the last id seen, so the whole collection is never held at once and assignments
     * stored meanwhile are seen when their id sorts after the current position.
     */
    public void forEachBatch(int size, Consumer<List<Assignment>> batch) {
        String after = null;
        while (true) {
            List<Assignment> page = collection.find(after == null ? Filters.exists("version")
                            : Filters.and(Filters.gt("_id", after), Filters.exists("version")))
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
