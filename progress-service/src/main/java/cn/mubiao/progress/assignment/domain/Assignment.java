package cn.mubiao.progress.assignment.domain;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.kit.security.UnitRelations;

import java.math.BigDecimal;
import java.util.List;

/**
 * What progress-service knows of an assignment, fed by target events.
 *
 * @param targetId           the plan's target this assignment is part of, or null outside a plan
 * @param role               LEAD (holds the whole target) or SHARE (a part split down), or null outside a plan
 * @param parentAssignmentId the assignment this one was split from, or null directly under the target
 * @param childIds           the assignments split from this one, as their events arrived (for a LEAD: the shares
 *                           directly under the target)
 * @param milestones         the dated milestones of a qualitative target
 * @param withdrawn          withdrawn by the issuing office: no more reports
 */
public record Assignment(String assignmentId, String unitCode, String unitName, int year, String targetTitle,
                         IndicatorKind kind, BigDecimal targetValue, String unitOfMeasure, Frequency frequency,
                         List<String> coUnitCodes, String monitorUnitCode, long version, String planId,
                         String targetCode, String targetId, String role, String parentAssignmentId,
                         List<String> childIds,
                         List<Milestone> milestones, boolean withdrawn) {

    public Assignment {
        coUnitCodes = coUnitCodes == null ? List.of() : List.copyOf(coUnitCodes);
        childIds = childIds == null ? List.of() : List.copyOf(childIds);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** An assignment outside any decomposition, with no milestones. */
    public Assignment(String assignmentId, String unitCode, String unitName, int year, String targetTitle,
                      IndicatorKind kind, BigDecimal targetValue, String unitOfMeasure, Frequency frequency,
                      List<String> coUnitCodes, String monitorUnitCode, long version) {
        this(assignmentId, unitCode, unitName, year, targetTitle, kind, targetValue, unitOfMeasure, frequency,
                coUnitCodes, monitorUnitCode, version, null, null, null, null, null, List.of(), List.of(), false);
    }

    /** Who stands in which relation to this assignment, for scoping. */
    public UnitRelations relations() {
        return UnitRelations.of(unitCode, coUnitCodes, monitorUnitCode);
    }

    /** Whether it holds the whole target (its children are the shares directly under the target). */
    public boolean lead() {
        return "LEAD".equals(role);
    }

    public boolean qualitative() {
        return kind == IndicatorKind.QUALITATIVE;
    }
}
