package cn.mubiao.scoring.assessment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What is known of one reporting period of an assignment: the latest reported (or corrected) completion and the
 * latest verified one (认定, the value that counts). Either may be missing.
 *
 * @param reportedVersion 1 for the report, +1 per correction; 0 when nothing was reported
 * @param verifiedAt      when the value that counts was last settled; null when never
 * @param verifiedSource  STATISTICS, BUSINESS or UNIT: where the value that counts comes from
 */
public record PeriodValue(String period, BigDecimal reported, int reportedVersion, BigDecimal verified,
                          Instant verifiedAt, String verifiedSource) {

    static PeriodValue none(String period) {
        return new PeriodValue(period, null, 0, null, null, null);
    }

    /** A later report version replaces an earlier one; an older or replayed one changes nothing. */
    PeriodValue reported(int version, BigDecimal completion) {
        if (completion == null || version <= reportedVersion) {
            return this;
        }
        return new PeriodValue(period, completion, version, verified, verifiedAt, verifiedSource);
    }

    /** A later verification replaces an earlier one; at the same instant the larger value wins (order-free). */
    PeriodValue verified(Instant at, BigDecimal completion, String source) {
        if (completion == null || at == null) {
            return this;
        }
        if (verifiedAt != null && (at.isBefore(verifiedAt)
                || at.equals(verifiedAt) && completion.compareTo(verified) <= 0)) {
            return this;
        }
        return new PeriodValue(period, reported, reportedVersion, completion, at, source);
    }

    public boolean hasValue() {
        return verified != null || reported != null;
    }

    /** The verified value when there is one, else the reported one. */
    public BigDecimal counting() {
        return verified != null ? verified : reported;
    }

    public boolean isVerified() {
        return verified != null;
    }
}
