package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.kit.persistence.GuardedWrite;
import cn.mubiao.scoring.assessment.domain.AssessmentRun;
import cn.mubiao.scoring.assessment.domain.AssessmentRun.Step;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;

/** The assessment of each year and issuing government ({@code assessment_runs}, {@code _id "2007|410100"}). */
@Component
public class RunStore {

    private final MongoCollection<Document> runs;

    RunStore(MongoDatabase db) {
        this.runs = db.getCollection("assessment_runs");
    }

    public AssessmentRun find(int year, String issuer) {
        Document d = runs.find(Filters.eq("_id", EntriesStore.key(year, issuer))).first();
        if (d == null) {
            return AssessmentRun.open(year, issuer);
        }
        return AssessmentRun.restore(year, issuer, d.get("version", Number.class).longValue(),
                AssessmentRun.Status.valueOf(d.getString("status")), d.getInteger("ruleSetVersion"),
                step(d, "started"), step(d, "approved"), step(d, "published"), d.getInteger("publishedUnits", 0));
    }

    /** @return false when another writer changed the run since it was read */
    public boolean save(AssessmentRun r) {
        return GuardedWrite.apply(runs, EntriesStore.key(r.year(), r.issuerUnitCode()), r.revision(), Updates.combine(
                Updates.set("year", r.year()), Updates.set("issuerUnitCode", r.issuerUnitCode()),
                Updates.set("status", r.status().name()), Updates.set("ruleSetVersion", r.ruleSetVersion()),
                Updates.set("started", step(r.started())), Updates.set("approved", step(r.approved())),
                Updates.set("published", step(r.published())), Updates.set("publishedUnits", r.publishedUnits()),
                Updates.set("version", r.revision() + 1)));
    }

    private static Document step(Step s) {
        return s == null ? null : new Document("by", s.by()).append("at", Date.from(s.at()));
    }

    private static Step step(Document d, String field) {
        Document s = d.get(field, Document.class);
        return s == null ? null : new Step(s.getString("by"), s.getDate("at").toInstant());
    }
}
