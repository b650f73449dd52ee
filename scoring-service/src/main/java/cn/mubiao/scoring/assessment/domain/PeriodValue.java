package cn.mubiao.scoring.assessment.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What is known of one reporting period of an assignment: the latest reported (or corrected) completion and the
 * latest verified one (认定, the value that counts), each with the cumulative actual it came with. Either may be
 * missing.
 *
 * @param reportedVersion 1 for the report, +1 per correction; 0 when nothing was reported
 * @param verifiedAt      when the value that counts was last settled; null when never
 * @param verifiedSource  STATISTICS, BUSINESS or UNIT: where the value that counts comes from
 * @param reportedValue   the cumulative actual of the latest report version; null for a qualitative target (and in
 *                        documents written before the actual was kept)
 * @param reportedAt      when that version was reported or corrected
 * @param verifiedValue   the effective value of the latest verification; null for a qualitative target
 */
public record PeriodValue(String period, BigDecimal reported, int reportedVersion, BigDecimal verified,
                          Instant verifiedAt, String verifiedSource, BigDecimal reportedValue, Instant reportedAt,
                          BigDecimal verifiedValue) {

    static PeriodValue none(String period) {
        return new PeriodValue(period, null, 0, null, null, null, null, null, null);
    }

    /** A later report version replaces an earlier one; an older or replayed one changes nothing. */
    PeriodValue reported(int version, BigDecimal completion, BigDecimal value, Instant at) {
        if (completion == null || version <= reportedVersion) {
            return this;
        }
        return new PeriodValue(period, completion, version, verified, verifiedAt, verifiedSource, value, at,
                verifiedValue);
    }

    /** A later verification replaces an earlier one; at the same instant the larger value wins (order-free). */
    PeriodValue verified(Instant at, BigDecimal completion, String source, BigDecimal value) {
        if (completion == null || at == null) {
            return this;
        }
        if (verifiedAt != null && (at.isBefore(verifiedAt)
                || at.equals(verifiedAt) && completion.compareTo(verified) <= 0)) {
            return this;
        }
        return new PeriodValue(period, reported, reportedVersion, completion, at, source, reportedValue, reportedAt,
                value);
    }

    public boolean hasValue() {
        return verified != null || reported != null;
    }

    /** The verified completion when there is one, else the reported one. */
    public BigDecimal counting() {
        return verified != null ? verified : reported;
    }

    /** The cumulative actual that goes with {@link #counting()}: verified when verified, else reported. */
    public BigDecimal countingValue() {
        return isVerified() ? verifiedValue : reportedValue;
    }

    /** When the value that counts was set: verified at, else reported at. */
    public Instant countingAt() {
        return isVerified() ? verifiedAt : reportedAt;
    }

    public boolean isVerified() {
        return verified != null;
    }
}
