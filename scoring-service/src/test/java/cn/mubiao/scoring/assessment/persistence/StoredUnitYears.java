package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.scoring.assessment.domain.UnitYear;
import org.bson.Document;

import java.util.List;

/**
 * A unit's year as {@link AssessmentStore} keeps it, through the store's own codec: for benchmarks that load a
 * province's read model in bulk instead of event by event.
 */
public final class StoredUnitYears {

    private StoredUnitYears() {
    }

    /** The unit's year's own document ({@code assessment_unit_years}): its name and its assignments' ids. */
    public static Document unitYear(UnitYear u) {
        return new Document("_id", AssessmentStore.key(u.year(), u.unitCode())).append("year", u.year())
                .append("unitCode", u.unitCode()).append("unitName", u.unitName())
                .append("assignmentIds", u.assignments().keySet().stream().sorted().toList());
    }

    /** Its assignments' documents ({@code assessment_facts}), each at {@code version}. */
    public static List<Document> facts(UnitYear u, long version) {
        Document snapshot = AssessmentStore.snapshot(u);
        String unitYearId = AssessmentStore.key(u.year(), u.unitCode());
        return snapshot.getList("assignments", Document.class).stream().map(a -> new Document("_id",
                AssessmentStore.factsId(unitYearId, a.getString("assignmentId"))).append("facts", a)
                .append("version", version)).toList();
    }
}
