package cn.mubiao.target.plan.persistence;

import cn.mubiao.contracts.target.PlanIssued;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.target.plan.domain.Category;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlanStatus;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Plans, each document carrying its unpublished events in {@code outbox}. {@code assignmentsIssued} is false
 * from the moment a plan is issued until every assignment of it is written, so an interrupted issue is
 * finished after a restart.
 */
@Component
public class PlanStore {

    private final MongoCollection<Document> collection;

    PlanStore(MongoDatabase db) {
        this.collection = db.getCollection("plans");
    }

    public Optional<Plan> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(Projections.exclude(OutboxEntry.FIELD))
                .first()).map(PlanStore::read);
    }

    public boolean exists(String id) {
        return collection.countDocuments(Filters.eq("_id", id)) > 0;
    }

    /** Plans whose issuer matches the filter, newest year first. */
    public List<Plan> where(Bson filter, int skip, int limit) {
        return collection.find(filter).projection(Projections.exclude(OutboxEntry.FIELD))
                .sort(Sorts.orderBy(Sorts.descending("year"), Sorts.ascending("_id"))).skip(skip).limit(limit)
                .map(PlanStore::read).into(new ArrayList<>());
    }

    public long count(Bson filter) {
        return collection.countDocuments(filter);
    }

    /** Issued plans whose assignments were not all written yet. */
    public List<String> unfinishedIssues() {
        return collection.find(Filters.eq("assignmentsIssued", false)).projection(Projections.include("_id"))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    public void markAssignmentsIssued(String id) {
        collection.updateOne(Filters.eq("_id", id), Updates.set("assignmentsIssued", true));
    }

    /**
     * Writes the plan and its new events in one update, guarded by the version it was read at.
     *
     * @return false when another writer changed it first
     */
    public boolean save(Plan p, long readVersion, List<OutboxEntry> events) {
        List<Bson> sets = new ArrayList<>(List.of(
                Updates.set("issuerUnitCode", p.issuerUnitCode()),
                Updates.set("year", p.year()),
                Updates.set("title", p.title()),
                Updates.set("categories", p.categories().stream()
                        .map(c -> new Document("code", c.code()).append("name", c.name())).toList()),
                Updates.set("adjustmentDeadline", p.adjustmentDeadline().toString()),
                Updates.set("status", p.status().name()),
                Updates.set("issuedAt", p.issuedAt() == null ? null : Date.from(p.issuedAt())),
                Updates.set("version", p.version()),
                Updates.pushEach(OutboxEntry.FIELD, events.stream().map(OutboxEntry::toDocument).toList())));
        if (events.stream().anyMatch(e -> e.type().equals(PlanIssued.TYPE))) {
            sets.add(Updates.set("assignmentsIssued", false));
        }
        var update = Updates.combine(sets);
        return GuardedWrite.apply(collection, p.id(), readVersion, update);
    }

    private static Plan read(Document d) {
        List<Category> categories = d.getList("categories", Document.class, List.of()).stream()
                .map(c -> new Category(c.getString("code"), c.getString("name"))).toList();
        Date issuedAt = d.getDate("issuedAt");
        return Plan.restore(d.getString("_id"), d.getString("issuerUnitCode"), d.getInteger("year"), d.getString("title"),
                categories, LocalDate.parse(d.getString("adjustmentDeadline")), PlanStatus.valueOf(d.getString("status")),
                issuedAt == null ? null : issuedAt.toInstant(), ((Number) d.get("version")).longValue());
    }
}
