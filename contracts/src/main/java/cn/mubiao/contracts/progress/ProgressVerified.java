package cn.mubiao.contracts.progress;

import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The value of a report that counts was settled (认定): the monitoring unit accepted the report, or a business
 * department or the statistics bureau recorded its own value. Carries the effective value after the act, which
 * is the newest value of the highest-precedence source ({@link ValueSource}).
 *
 * @param reportVersion   the report version the act refers to (0 when the unit has not reported yet)
 * @param act             ACCEPTED (the report as it stands) or VALUE_RECORDED (a value of {@code actSource})
 * @param actSource       the source of the value this act recorded or accepted
 * @param effectiveValue  the value that counts now; null for a qualitative target
 * @param effectiveSource where that value comes from
 * @param completion      effective value against target (not capped)
 */
public record ProgressVerified(
        String reportId,
        String assignmentId,
        String unitCode,
        String period,
        int reportVersion,
        String act,
        ValueSource actSource,
        BigDecimal effectiveValue,
        ValueSource effectiveSource,
        BigDecimal completion,
        String verifiedBy,
        String verifierUnitCode,
        Instant verifiedAt) implements MubiaoEvent {

    public static final String TYPE = "mubiao.progress.ProgressVerified.v1";

    public static final String ACCEPTED = "ACCEPTED";
    public static final String VALUE_RECORDED = "VALUE_RECORDED";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
