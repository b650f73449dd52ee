package cn.mubiao.contracts.scoring;

import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A unit's year-end result was published (version 1, immutable): one event per unit of the assessment, so
 * notification-service can tell each unit's leader. Keyed by the unit code ({@link #aggregateId()}), so a unit's
 * published and revised results stay in order across years.
 *
 * @param issuerUnitCode the government whose assessment it is (its area holds the unit)
 * @param category       DEPARTMENTS, TOWNS or STREETS
 * @param total          full precision; {@code displayTotal} is the two-decimal figure to show
 * @param grade          FIRST, SECOND, THIRD, BASIC or FAIL; {@code gradeLabel} e.g. {@code 一等奖 / first prize}
 * @param place          the unit's place in its category (1 = best); null when vetoed (no place)
 * @param placesInCategory how many units of the category were ranked
 */
public record AssessmentPublished(
        int year,
        String issuerUnitCode,
        String unitCode,
        String unitName,
        String category,
        BigDecimal total,
        String displayTotal,
        String grade,
        String gradeLabel,
        Integer place,
        int placesInCategory,
        boolean vetoed,
        int version,
        Instant publishedAt) implements MubiaoEvent {

    public static final String TYPE = "mubiao.scoring.AssessmentPublished.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return unitCode;
    }
}
