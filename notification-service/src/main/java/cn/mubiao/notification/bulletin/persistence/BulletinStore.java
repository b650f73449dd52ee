package cn.mubiao.notification.bulletin.persistence;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.notification.bulletin.domain.Bulletin;
import cn.mubiao.notification.bulletin.domain.BulletinPeriod;
import cn.mubiao.notification.bulletin.domain.StatusLine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Bulletins as issued ({@value #COLLECTION}), one document per bulletin id: the statuses it listed when it was compiled
 * (a snapshot, so a later correction never changes a bulletin that went out) and when its deliveries were all created.
 * The HTML and the PDF are rendered from it whenever they are needed; the deliveries name it and store neither.
 */
@Component
public class BulletinStore {

    public static final String COLLECTION = "bulletins";

    private final MongoCollection<Document> collection;

    BulletinStore(MongoDatabase db) {
        this.collection = db.getCollection(COLLECTION);
    }

    /** Stores the bulletin unless one with its id is stored already; returns the stored one (the first kept wins). */
    public Bulletin keep(Bulletin b) {
        List<Document> lines = new ArrayList<>();
        b.units().forEach(u -> u.byStatus().values().forEach(ls -> ls.forEach(l -> lines.add(write(l)))));
        Document doc = new Document("_id", b.id()).append("issuer", b.issuerUnitCode()).append("issuerName", b.issuerName())
                .append("period", b.period().code()).append("compiledAt", Date.from(b.compiledAt())).append("lines", lines);
        try {
            collection.insertOne(doc);
            return b;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return get(b.id()).orElseThrow();
            }
            throw e;
        }
    }

    public Optional<Bulletin> get(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(BulletinStore::read);
    }

    /** Whether every delivery of the bulletin was created (it needs no more sending). */
    public boolean dispatched(String id) {
        Document d = collection.find(Filters.eq("_id", id)).first();
        return d != null && d.getDate("dispatchedAt") != null;
    }

    public void markDispatched(String id, Instant at) {
        collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("dispatchedAt", null)),
                Updates.set("dispatchedAt", Date.from(at)));
    }

    private static Document write(StatusLine l) {
        return new Document("assignmentId", l.assignmentId()).append("unitCode", l.unitCode()).append("unitName", l.unitName())
                .append("targetCode", l.targetCode()).append("targetTitle", l.targetTitle()).append("period", l.period())
                .append("status", l.status().name()).append("completion", plain(l.completion()))
                .append("expectedShare", plain(l.expectedShare())).append("gapPoints", plain(l.gapPoints()))
                .append("overdue", l.overdue());
    }

    private static Bulletin read(Document d) {
        List<StatusLine> lines = new ArrayList<>();
        for (Document l : d.getList("lines", Document.class, List.of())) {
            lines.add(new StatusLine(l.getString("assignmentId"), l.getString("unitCode"), l.getString("unitName"),
                    l.getString("targetCode"), l.getString("targetTitle"), l.getString("period"),
                    LagStatus.valueOf(l.getString("status")), decimal(l.getString("completion")),
                    decimal(l.getString("expectedShare")), decimal(l.getString("gapPoints")), l.getBoolean("overdue", false)));
        }
        BulletinPeriod period = BulletinPeriod.parse(d.getString("period")).orElseThrow();
        return Bulletin.compile(d.getString("issuer"), d.getString("issuerName"), period, lines,
                d.getDate("compiledAt").toInstant());
    }

    /** Decimals as their exact text: no binary rounding on the way through. */
    private static String plain(BigDecimal v) {
        return v == null ? null : v.toPlainString();
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
