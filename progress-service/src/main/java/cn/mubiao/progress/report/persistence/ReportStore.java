package cn.mubiao.progress.report.persistence;

import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.report.domain.Narrative;
import cn.mubiao.progress.report.domain.Report;
import cn.mubiao.progress.report.domain.Report.Content;
import cn.mubiao.progress.report.domain.Report.Decision;
import cn.mubiao.progress.report.domain.Report.Draft;
import cn.mubiao.progress.report.domain.Report.SourcedValue;
import cn.mubiao.progress.report.domain.Report.Verification;
import cn.mubiao.progress.report.domain.Report.Version;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reports, one document per assignment and period ({@code _id} = {@code <assignmentId>:<period>}, so every
 * lookup on the hot path is by {@code _id}), carrying their unpublished events in {@code outbox}: a change and
 * its events are one guarded update ({@link GuardedWrite}) on the document's {@code version}.
 */
@Component
public class ReportStore {

    private static final Logger log = LoggerFactory.getLogger(ReportStore.class);

    public static final String COLLECTION = "reports";

    private final MongoCollection<Document> collection;
    /** New reports group-committed: at month-end most writes are a period's first submission. */
    private final GuardedWrite.Grouped writes;

    ReportStore(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
        this.writes = GuardedWrite.grouped(collection);
        migrateReportsOfTheFirstRelease();
    }

    public Optional<Report> find(String assignmentId, String period) {
        return findById(Report.idOf(assignmentId, period));
    }

    public Optional<Report> findById(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(ReportStore::read);
    }

    /** The reports of one assignment, by period: one query for the ids of its calendar's periods. */
    public List<Report> findByAssignment(Assignment assignment) {
        List<String> ids = Period.ofYear(assignment.year(), assignment.frequency()).stream()
                .map(p -> Report.idOf(assignment.assignmentId(), p.code())).toList();
        Map<String, Report> found = new HashMap<>();
        collection.find(Filters.in("_id", ids)).forEach(d -> found.put(d.getString("_id"), read(d)));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /**
     * Writes the report's state and its outbox entries in one write, guarded by the revision it was read at: a new
     * report (revision 0) is inserted whole, group-committed; a stored one is updated while it is still at that
     * revision.
     *
     * @return false when another writer changed or created the document first (read again and retry)
     */
    public boolean save(Report r, List<OutboxEntry> outbox) {
        Document state = new Document("assignmentId", r.assignmentId())
                .append("unitCode", r.unitCode())
                .append("period", r.period().code())
                .append("status", r.status().name())
                .append("versions", r.versions().stream().map(ReportStore::write).toList())
                .append("values", r.values().stream().map(ReportStore::write).toList())
                .append("verifications", r.verifications().stream().map(ReportStore::write).toList())
                .append("draft", r.draft().map(ReportStore::write).orElse(null))
                .append("evidence", r.evidence().stream().map(ReportStore::write).toList())
                .append("version", r.revision() + 1);
        List<Document> entries = outbox.stream().map(OutboxEntry::toDocument).toList();
        if (r.revision() == 0) {
            Document created = new Document("_id", r.id());
            created.putAll(state);
            return writes.create(created.append(OutboxEntry.FIELD, entries));
        }
        Bson set = new Document("$set", state);
        return writes.changeAt(r.id(), r.revision(),
                entries.isEmpty() ? set : Updates.combine(set, Updates.pushEach(OutboxEntry.FIELD, entries)));
    }

    // ---- documents ----

    private static Document write(Version v) {
        return writeContent(v.content())
                .append("number", v.number())
                .append("completion", decimal(v.completion()))
                .append("by", v.by())
                .append("at", Date.from(v.at()))
                .append("late", v.late())
                .append("reason", v.reason())
                .append("key", v.idempotencyKey());
    }

    private static Document writeContent(Content c) {
        return new Document("cumulativeActual", decimal(c.cumulativeActual()))
                .append("milestones", c.milestones().stream().map(m -> new Document("title", m.title())
                        .append("due", m.due() == null ? null : m.due().toString()).append("done", m.done())
                        .append("doneOn", m.doneOn() == null ? null : m.doneOn().toString()).append("note", m.note())).toList())
                .append("narrative", new Document("progress", c.narrative().progress())
                        .append("problems", c.narrative().problems()).append("measures", c.narrative().measures()));
    }

    private static Document write(SourcedValue v) {
        return new Document("source", v.source().name()).append("value", decimal(v.value()))
                .append("completion", decimal(v.completion())).append("by", v.by()).append("unitCode", v.unitCode())
                .append("at", Date.from(v.at())).append("note", v.note());
    }

    private static Document write(Verification v) {
        return new Document("decision", v.decision().name()).append("version", v.version()).append("reason", v.reason())
                .append("by", v.by()).append("unitCode", v.unitCode()).append("at", Date.from(v.at()));
    }

    private static Document write(Report.Evidence e) {
        return new Document("fileId", e.fileId()).append("name", e.name()).append("contentType", e.contentType())
                .append("size", e.size()).append("sha256", e.sha256()).append("by", e.by()).append("at", Date.from(e.at()));
    }

    private static Document write(Draft d) {
        return writeContent(d.content()).append("reason", d.reason()).append("by", d.by()).append("at", Date.from(d.at()));
    }

    private static Report read(Document d) {
        Document draft = d.get("draft", Document.class);
        return Report.restore(d.getString("assignmentId"), d.getString("unitCode"),
                Period.parse(d.getString("period")).orElseThrow(), ((Number) d.get("version")).longValue(),
                Report.Status.valueOf(d.getString("status")),
                list(d, "versions").stream().map(v -> new Version(v.getInteger("number"), content(v),
                        decimal(v, "completion"), v.getString("by"), instant(v, "at"), v.getBoolean("late", false),
                        v.getString("reason"), v.getString("key"))).toList(),
                list(d, "values").stream().map(v -> new SourcedValue(ValueSource.valueOf(v.getString("source")),
                        decimal(v, "value"), decimal(v, "completion"), v.getString("by"), v.getString("unitCode"),
                        instant(v, "at"), v.getString("note"))).toList(),
                list(d, "verifications").stream().map(v -> new Verification(Decision.valueOf(v.getString("decision")),
                        v.getInteger("version"), v.getString("reason"), v.getString("by"), v.getString("unitCode"),
                        instant(v, "at"))).toList(),
                draft == null ? null : new Draft(content(draft), draft.getString("reason"), draft.getString("by"),
                        instant(draft, "at")),
                list(d, "evidence").stream().map(e -> new Report.Evidence(e.getString("fileId"), e.getString("name"),
                        e.getString("contentType"), ((Number) e.get("size")).longValue(), e.getString("sha256"),
                        e.getString("by"), instant(e, "at"))).toList());
    }

    private static Content content(Document d) {
        Document n = d.get("narrative", Document.class);
        return new Content(decimal(d, "cumulativeActual"),
                list(d, "milestones").stream().map(m -> new MilestoneProgress(m.getString("title"), date(m, "due"),
                        m.getBoolean("done", false), date(m, "doneOn"), m.getString("note"))).toList(),
                n == null ? Narrative.EMPTY : new Narrative(n.getString("progress"), n.getString("problems"), n.getString("measures")));
    }

    private static List<Document> list(Document d, String field) {
        List<Document> l = d.getList(field, Document.class);
        return l == null ? List.of() : l;
    }

    private static Decimal128 decimal(BigDecimal v) {
        return v == null ? null : new Decimal128(v);
    }

    private static BigDecimal decimal(Document d, String field) {
        Decimal128 v = d.get(field, Decimal128.class);
        return v == null ? null : v.bigDecimalValue();
    }

    private static Instant instant(Document d, String field) {
        Date v = d.getDate(field);
        return v == null ? null : v.toInstant();
    }

    private static LocalDate date(Document d, String field) {
        String v = d.getString(field);
        return v == null ? null : LocalDate.parse(v);
    }

    // ---- the first release's documents ----

    /**
     * The first release kept one flat document per report under a random id, with unique indexes on
     * (assignment, period) and the idempotency key. Rewrites each as version 1 under its new id (its unpublished
     * events kept), then removes the old one and the indexes: safe to repeat after a crash at any step.
     */
    private void migrateReportsOfTheFirstRelease() {
        List<Document> old = collection.find(Filters.exists("versions", false)).batchSize(500).into(new ArrayList<>());
        for (Document d : old) {
            String id = Report.idOf(d.getString("assignmentId"), d.getString("period"));
            Document version = new Document("cumulativeActual", d.get("cumulativeActual")).append("milestones", List.of())
                    .append("narrative", d.get("narrative"))
                    .append("number", 1).append("completion", d.get("completion")).append("by", d.getString("reportedBy"))
                    .append("at", d.getDate("reportedAt")).append("late", d.getBoolean("late", false))
                    .append("reason", null).append("key", null);
            Document migrated = new Document("_id", id).append("assignmentId", d.getString("assignmentId"))
                    .append("unitCode", d.getString("unitCode")).append("period", d.getString("period"))
                    .append("status", Report.Status.SUBMITTED.name()).append("versions", List.of(version))
                    .append("values", List.of()).append("verifications", List.of()).append("draft", null)
                    .append("version", 1L).append(OutboxEntry.FIELD, d.getList(OutboxEntry.FIELD, Document.class, List.of()));
            dropIndex("one_per_period");
            collection.replaceOne(Filters.eq("_id", id), migrated, new ReplaceOptions().upsert(true));
            collection.deleteOne(Filters.eq("_id", d.get("_id")));
        }
        dropIndex("one_per_period");
        dropIndex("idempotency_key");
        if (!old.isEmpty()) {
            log.info("rewrote {} report(s) of the first release as version 1", old.size());
        }
    }

    private void dropIndex(String name) {
        try {
            collection.dropIndex(name);
        } catch (MongoCommandException e) {
            // not there (any more)
        }
    }
}
