package cn.mubiao.contracts.target;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.MubiaoEvent;

import java.math.BigDecimal;
import java.util.List;

/**
 * A target was assigned to a responsible unit (or the assignment changed). Carries what progress and
 * scoring need for their own read models, so they never call target-service.
 *
 * @param coUnitCodes    co-units (协办单位) of this assignment
 * @param seasonalShares 12 cumulative monthly shares of the annual target, or empty for the linear calendar
 * @param targetId           the plan's target this assignment is a part of; null for a direct assignment
 * @param parentAssignmentId the assignment this one was split from; null directly under the target
 * @param role               LEAD (holds the whole target, 责任单位) or SHARE (a part split down, 分解)
 * @param issuerUnitCode     the government that issued the plan
 * @param binding            true for a binding (约束性) target, false for an expected (预期性) one
 * @param baseline           the starting value, if the target has one
 * @param source             PROVINCE, CITY or OWN (the unit's own business work)
 * @param provinceCode       the province's indicator code when aligned with the province catalogue
 * @param milestones         dated milestones of a qualitative target
 * @param provinceTargetValue   the province's value for the whole target (省定目标值) when the target was aligned with
 *                              the province's catalogue; null otherwise (and in events from before it was carried)
 * @param cityTargetValue       the city's own value for the whole target, beside {@code provinceTargetValue}
 * @param targetValueProvenance where the value the target is assessed against came from (就高不就低): PROVINCE, CITY,
 *                              BOTH (the same) or NOT_COMPARABLE (another kind or unit: the city's stands); null when
 *                              not aligned. Of the whole target: a share's own value is its part of it
 */
public record TargetAssigned(
        String assignmentId,
        String planId,
        int year,
        String targetCode,
        String targetTitle,
        String category,
        String unitCode,
        String unitName,
        List<String> coUnitCodes,
        String monitorUnitCode,
        IndicatorKind indicatorKind,
        String unitOfMeasure,
        BigDecimal targetValue,
        BigDecimal standardScore,
        Frequency frequency,
        List<BigDecimal> seasonalShares,
        List<String> leaders,
        long version,
        String targetId,
        String parentAssignmentId,
        String role,
        String issuerUnitCode,
        Boolean binding,
        BigDecimal baseline,
        String source,
        String provinceCode,
        List<Milestone> milestones,
        BigDecimal provinceTargetValue,
        BigDecimal cityTargetValue,
        String targetValueProvenance) implements MubiaoEvent {

    public static final String TYPE = "mubiao.target.TargetAssigned.v1";

    public TargetAssigned {
        coUnitCodes = coUnitCodes == null ? List.of() : List.copyOf(coUnitCodes);
        seasonalShares = seasonalShares == null ? List.of() : List.copyOf(seasonalShares);
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** An assignment of a plan's target not aligned with the province (as the event was before it carried that). */
    public TargetAssigned(String assignmentId, String planId, int year, String targetCode, String targetTitle,
                          String category, String unitCode, String unitName, List<String> coUnitCodes,
                          String monitorUnitCode, IndicatorKind indicatorKind, String unitOfMeasure,
                          BigDecimal targetValue, BigDecimal standardScore, Frequency frequency,
                          List<BigDecimal> seasonalShares, List<String> leaders, long version, String targetId,
                          String parentAssignmentId, String role, String issuerUnitCode, Boolean binding,
                          BigDecimal baseline, String source, String provinceCode, List<Milestone> milestones) {
        this(assignmentId, planId, year, targetCode, targetTitle, category, unitCode, unitName, coUnitCodes,
                monitorUnitCode, indicatorKind, unitOfMeasure, targetValue, standardScore, frequency, seasonalShares,
                leaders, version, targetId, parentAssignmentId, role, issuerUnitCode, binding, baseline, source,
                provinceCode, milestones, null, null, null);
    }

    /** A direct assignment, outside any plan's decomposition. */
    public TargetAssigned(String assignmentId, String planId, int year, String targetCode, String targetTitle,
                          String category, String unitCode, String unitName, List<String> coUnitCodes,
                          String monitorUnitCode, IndicatorKind indicatorKind, String unitOfMeasure,
                          BigDecimal targetValue, BigDecimal standardScore, Frequency frequency,
                          List<BigDecimal> seasonalShares, List<String> leaders, long version) {
        this(assignmentId, planId, year, targetCode, targetTitle, category, unitCode, unitName, coUnitCodes,
                monitorUnitCode, indicatorKind, unitOfMeasure, targetValue, standardScore, frequency, seasonalShares,
                leaders, version, null, null, null, null, null, null, null, null, List.of(), null, null, null);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
