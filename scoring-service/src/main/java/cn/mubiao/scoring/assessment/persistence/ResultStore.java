package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.contracts.scoring.ResultRevised.Change;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.scoring.assessment.domain.Category;
import cn.mubiao.scoring.assessment.domain.Grade;
import cn.mubiao.scoring.assessment.domain.PublishedResult;
import cn.mubiao.scoring.assessment.domain.PublishedResult.Appeal;
import cn.mubiao.scoring.assessment.domain.ResultVersion;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static cn.mubiao.scoring.assessment.persistence.EntriesCodec.dec;

/**
 * Published results ({@code assessment_results}, {@code _id "2007|410102-FGW"}): every version of a unit's result
 * with the facts and entries it was computed from, its appeals, and the unpublished events of both in
 * {@code outbox}: a state change and its events are one guarded write.
 */
@Component
public class ResultStore {

    public static final String COLLECTION = "assessment_results";

    private final MongoCollection<Document> results;

    ResultStore(MongoDatabase db) {
        this.results = db.getCollection(COLLECTION);
    }

    public static String id(int year, String unitCode) {
        return EntriesStore.key(year, unitCode);
    }

    public boolean isPublished(int year, String unitCode) {
        return results.find(Filters.eq("_id", id(year, unitCode))).projection(new Document("_id", 1)).first() != null;
    }

    public Optional<PublishedResult> find(int year, String unitCode) {
        return Optional.ofNullable(results.find(Filters.eq("_id", id(year, unitCode))).first()).map(ResultStore::read);
    }

    /**
     * Writes the result's state and appends its new events to the outbox, in one update guarded by the revision it
     * was read at (0: created only where none is yet).
     *
     * @return false when another writer came first (or, for a new result, it is published already)
     */
    public boolean save(PublishedResult r, List<OutboxEntry> events) {
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set("year", r.year()), Updates.set("unitCode", r.unitCode()),
                Updates.set("issuerUnitCode", r.issuerUnitCode()),
                Updates.set("versions", r.versions().stream().map(ResultStore::write).toList()),
                Updates.set("appeals", r.appeals().stream().map(ResultStore::write).toList()),
                Updates.set("version", r.revision() + 1)));
        if (!events.isEmpty()) {
            updates.add(Updates.pushEach(OutboxEntry.FIELD, events.stream().map(OutboxEntry::toDocument).toList()));
        }
        return GuardedWrite.apply(results, id(r.year(), r.unitCode()), r.revision(), Updates.combine(updates));
    }

    private static Document write(ResultVersion v) {
        return new Document("number", v.number()).append("facts", AssessmentStore.snapshot(v.facts()))
                .append("unitName", v.unitName()).append("category", v.category().name())
                .append("claims", v.claims().stream().map(EntriesCodec::claimDoc).toList())
                .append("vetoes", v.vetoes().stream().map(EntriesCodec::veto).toList())
                .append("ratings", v.ratings().stream().map(EntriesCodec::rating).toList())
                .append("comprehensive", dec(v.comprehensive()))
                .append("quarterlyBases", v.quarterlyBases().stream().map(EntriesCodec::dec).toList())
                .append("corrections", v.corrections().stream().map(EntriesCodec::correction).toList())
                .append("ruleSetVersion", v.ruleSetVersion()).append("total", dec(v.total()))
                .append("grade", v.grade().name()).append("place", v.place())
                .append("placesInCategory", v.placesInCategory()).append("at", Date.from(v.at()))
                .append("by", v.by()).append("appeal", v.appeal()).append("note", v.note());
    }

    private static ResultVersion version(Document d) {
        return new ResultVersion(d.getInteger("number"), AssessmentStore.fromSnapshot(d.get("facts", Document.class)),
                d.getString("unitName"), Category.valueOf(d.getString("category")),
                d.getList("claims", Document.class, List.of()).stream().map(EntriesCodec::claim).toList(),
                d.getList("vetoes", Document.class, List.of()).stream().map(EntriesCodec::veto).toList(),
                d.getList("ratings", Document.class, List.of()).stream().map(EntriesCodec::rating).toList(),
                dec(d, "comprehensive"),
                d.getList("corrections", Document.class, List.of()).stream().map(EntriesCodec::correction).toList(),
                d.getInteger("ruleSetVersion"), dec(d, "total"), Grade.valueOf(d.getString("grade")),
                d.getInteger("place"), d.getInteger("placesInCategory", 0), d.getDate("at").toInstant(),
                d.getString("by"), d.getInteger("appeal"), d.getString("note"),
                d.getList("quarterlyBases", Decimal128.class, List.of()).stream().map(Decimal128::bigDecimalValue).toList());
    }

    private static Document write(Appeal a) {
        return new Document("number", a.number()).append("reason", a.reason()).append("filedBy", a.filedBy())
                .append("filedAt", Date.from(a.filedAt())).append("status", a.status().name()).append("note", a.note())
                .append("decidedBy", a.decidedBy()).append("decidedAt", date(a.decidedAt()))
                .append("resultVersion", a.resultVersion())
                .append("changes", a.changes().stream().map(c -> new Document("line", c.line()).append("label", c.label())
                        .append("before", c.before()).append("after", c.after())).toList());
    }

    private static Appeal appeal(Document d) {
        Date decided = d.getDate("decidedAt");
        return new Appeal(d.getInteger("number"), d.getString("reason"), d.getString("filedBy"),
                d.getDate("filedAt").toInstant(), PublishedResult.AppealStatus.valueOf(d.getString("status")),
                d.getString("note"), d.getString("decidedBy"), decided == null ? null : decided.toInstant(),
                d.getInteger("resultVersion"), d.getList("changes", Document.class, List.of()).stream()
                .map(c -> new Change(c.getString("line"), c.getString("label"), c.getString("before"),
                        c.getString("after"))).toList());
    }

    private static PublishedResult read(Document d) {
        return PublishedResult.restore(d.getInteger("year"), d.getString("unitCode"), d.getString("issuerUnitCode"),
                d.get("version", Number.class).longValue(),
                d.getList("versions", Document.class).stream().map(ResultStore::version).toList(),
                d.getList("appeals", Document.class, List.of()).stream().map(ResultStore::appeal).toList());
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }
}
