package cn.mubiao.target.assignment.domain;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.target.plan.domain.Calendars;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.security.UnitRelations;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a responsible unit is held to for one target: the indicator, the value, the calendar and who
 * answers for it. Checked on construction.
 *
 * @param targetId           the plan's target it is part of; null for a direct assignment
 * @param parentAssignmentId the assignment it was split from; null directly under the target
 * @param role               LEAD or SHARE; null for a direct assignment
 * @param provinceTargetValue   the province's value for the whole target when it was aligned with the province
 *                              (省市对接); null otherwise
 * @param cityTargetValue       the city's own value for the whole target, beside it
 * @param targetValueProvenance where the value the target is assessed against came from (就高不就低): PROVINCE,
 *                              CITY, BOTH or NOT_COMPARABLE; null when not aligned
 */
public record AssignmentTerms(String planId, int year, String targetCode, String targetTitle, String category,
                              String unitCode, String unitName, List<String> coUnitCodes, String monitorUnitCode,
                              IndicatorKind kind,
                              String unitOfMeasure, BigDecimal targetValue, BigDecimal standardScore,
                              Frequency frequency, List<BigDecimal> seasonalShares, List<String> leaders,
                              String targetId, String parentAssignmentId, String role, String issuerUnitCode,
                              Boolean binding, BigDecimal baseline, String source, String provinceCode,
                              List<Milestone> milestones, BigDecimal provinceTargetValue,
                              BigDecimal cityTargetValue, String targetValueProvenance) {

    /** A direct assignment, outside any plan's decomposition. */
    public AssignmentTerms(String planId, int year, String targetCode, String targetTitle, String category,
                           String unitCode, String unitName, List<String> coUnitCodes, String monitorUnitCode,
                           IndicatorKind kind, String unitOfMeasure, BigDecimal targetValue, BigDecimal standardScore,
                           Frequency frequency, List<BigDecimal> seasonalShares, List<String> leaders) {
        this(planId, year, targetCode, targetTitle, category, unitCode, unitName, coUnitCodes, monitorUnitCode, kind,
                unitOfMeasure, targetValue, standardScore, frequency, seasonalShares, leaders, null, null, null, null,
                null, null, null, null, List.of(), null, null, null);
    }

    /** The same terms with another value and standard score (an adjustment). */
    public AssignmentTerms adjusted(BigDecimal value, BigDecimal score) {
        return new AssignmentTerms(planId, year, targetCode, targetTitle, category, unitCode, unitName, coUnitCodes,
                monitorUnitCode, kind, unitOfMeasure, value, score, frequency, seasonalShares, leaders, targetId,
                parentAssignmentId, role, issuerUnitCode, binding, baseline, source, provinceCode, milestones,
                provinceTargetValue, cityTargetValue, targetValueProvenance);
    }

    /** The same terms held to the province's value of the whole target (provenance PROVINCE). */
    public AssignmentTerms alignedWithProvince(BigDecimal provinceValue, BigDecimal cityValue) {
        return new AssignmentTerms(planId, year, targetCode, targetTitle, category, unitCode, unitName, coUnitCodes,
                monitorUnitCode, kind, unitOfMeasure, targetValue, standardScore, frequency, seasonalShares, leaders, targetId,
                parentAssignmentId, role, issuerUnitCode, binding, baseline, source, provinceCode, milestones,
                provinceValue, cityValue, "PROVINCE");
    }

    /** Who stands in which relation to this assignment, for scoping. */
    public UnitRelations relations() {
        return UnitRelations.of(unitCode, coUnitCodes, monitorUnitCode);
    }

    public AssignmentTerms {
        seasonalShares = seasonalShares == null ? List.of() : List.copyOf(seasonalShares);
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        coUnitCodes = coUnitCodes == null ? List.of() : List.copyOf(coUnitCodes);
        for (int i = 0; i < coUnitCodes.size(); i++) {
            if (!UnitCodes.isWellFormed(coUnitCodes.get(i))) {
                throw new InvalidInput("coUnitCodes[" + i + "]", "不是有效的单位代码 / not a unit code");
            }
            if (coUnitCodes.get(i).equals(unitCode)) {
                throw new InvalidInput("coUnitCodes[" + i + "]", "协办单位不能是责任单位本身 / a co-unit cannot be the responsible unit");
            }
        }
        if (!UnitCodes.isWellFormed(unitCode)) {
            throw new InvalidInput("unitCode", "不是有效的单位代码（如410102、410100-FGW） / not a unit code such as 410102 or 410100-FGW");
        }
        if (monitorUnitCode != null && !UnitCodes.isWellFormed(monitorUnitCode)) {
            throw new InvalidInput("monitorUnitCode", "不是有效的单位代码 / not a unit code");
        }
        if (year < 2000 || year > 2100) {
            throw new InvalidInput("year", "年度应在2000至2100之间 / between 2000 and 2100");
        }
        if (kind != IndicatorKind.QUALITATIVE && (targetValue == null || targetValue.signum() <= 0)) {
            throw new InvalidInput("targetValue", "目标值须为正数 / must be a positive number");
        }
        if (standardScore != null && (standardScore.signum() < 0 || standardScore.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new InvalidInput("standardScore", "标准分应在0至100之间 / between 0 and 100");
        }
        Calendars.checkSeasonalShares(seasonalShares, "seasonalShares");
    }
}
