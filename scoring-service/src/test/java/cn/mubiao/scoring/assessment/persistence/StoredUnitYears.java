package cn.mubiao.scoring.assessment.persistence;

import cn.mubiao.scoring.assessment.domain.UnitYear;
import org.bson.Document;

/**
 * A unit's year as {@link AssessmentStore} keeps it in {@code assessment_unit_years}, through the store's own codec:
 * for benchmarks that load a province's read model in bulk instead of event by event.
 */
public final class StoredUnitYears {

    private StoredUnitYears() {
    }

    /** The stored document of {@code u} at {@code version}: the fields in the order the store's upsert writes them. */
    public static Document document(UnitYear u, long version) {
        Document fields = AssessmentStore.snapshot(u);
        return new Document("_id", u.year() + "|" + u.unitCode()).append("year", fields.get("year"))
                .append("unitCode", fields.get("unitCode")).append("unitName", fields.get("unitName"))
                .append("assignments", fields.get("assignments")).append("version", version);
    }
}
