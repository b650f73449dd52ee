package cn.mubiao.scoring.feed.domain;

import cn.mubiao.scoring.assessment.domain.AssignmentFacts;
import cn.mubiao.scoring.assessment.domain.PeriodValue;
import cn.mubiao.scoring.assessment.domain.UnitYear;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One value of the province feed: what a unit's assignment aligned with a province indicator (省市对接) stands at in
 * one period.
 *
 * @param provinceCode the province indicator code (DHIS2 data element)
 * @param value        the value that counts: the verified (认定) effective value, else the latest report's
 * @param targetValue  the assignment's target value as target-service issued it (for a share: its part)
 * @param provenance   where the target's value came from (就高不就低) with the province's and the city's value of the
 *                     whole target; null when target-service did not align it or did not tell
 * @param completion   the completion that goes with {@code value} (not capped)
 * @param targetSource where the target came from (PROVINCE, CITY or OWN), as {@code TargetAssigned} tells it
 * @param basis        VERIFIED or REPORTED
 * @param valueSource  for a verified value: STATISTICS_BUREAU, BUSINESS_DEPARTMENT or SELF_REPORT
 * @param lastUpdated  when the value that counts was set (verified at, else reported or corrected at)
 */
public record AlignedValue(String provinceCode, String unitCode, String period, String assignmentId, BigDecimal value,
                           BigDecimal targetValue, Provenance provenance, BigDecimal completion, String targetSource,
                           String basis, String valueSource, Instant lastUpdated) {

    /**
     * The 就高不就低 outcome of the target, as {@code TargetAssigned} tells it.
     *
     * @param of            PROVINCE, CITY, BOTH or NOT_COMPARABLE
     * @param provinceValue the province's value of the whole target
     * @param cityValue     the city's own value of the whole target
     */
    public record Provenance(String of, BigDecimal provinceValue, BigDecimal cityValue) {

        static Provenance of(AssignmentFacts.Terms t) {
            return t.targetValueProvenance() == null ? null
                    : new Provenance(t.targetValueProvenance(), t.provinceTargetValue(), t.cityTargetValue());
        }
    }

    /**
     * The feed's values of a unit's year: every period with a numeric value of every assignment that is aligned
     * (a province code), issued and not withdrawn. Qualitative targets carry no value and are left out.
     */
    public static List<AlignedValue> of(UnitYear year) {
        List<AlignedValue> out = new ArrayList<>();
        for (AssignmentFacts a : year.live()) {
            String code = a.terms().provinceCode();
            if (code == null || code.isBlank()) {
                continue;
            }
            for (PeriodValue p : a.periods().values()) {
                if (p.countingValue() == null) {
                    continue;
                }
                out.add(new AlignedValue(code.strip(), year.unitCode(), p.period(), a.assignmentId(), p.countingValue(),
                        a.terms().targetValue(), Provenance.of(a.terms()), p.counting(), a.terms().source(),
                        p.isVerified() ? "VERIFIED" : "REPORTED", p.isVerified() ? p.verifiedSource() : null,
                        p.countingAt()));
            }
        }
        return out;
    }
}
