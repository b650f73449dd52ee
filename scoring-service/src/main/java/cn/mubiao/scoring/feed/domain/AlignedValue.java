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
 * @param targetValue  the assignment's target value as target-service issued it
 * @param completion   the completion that goes with {@code value} (not capped)
 * @param targetSource where the target came from (PROVINCE, CITY or OWN), as {@code TargetAssigned} tells it
 * @param basis        VERIFIED or REPORTED
 * @param valueSource  for a verified value: STATISTICS_BUREAU, BUSINESS_DEPARTMENT or SELF_REPORT
 * @param lastUpdated  when the value that counts was set (verified at, else reported or corrected at)
 */
public record AlignedValue(String provinceCode, String unitCode, String period, String assignmentId, BigDecimal value,
                           BigDecimal targetValue, BigDecimal completion, String targetSource, String basis,
                           String valueSource, Instant lastUpdated) {

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
                        a.terms().targetValue(), p.counting(), a.terms().source(),
                        p.isVerified() ? "VERIFIED" : "REPORTED", p.isVerified() ? p.verifiedSource() : null,
                        p.countingAt()));
            }
        }
        return out;
    }
}
