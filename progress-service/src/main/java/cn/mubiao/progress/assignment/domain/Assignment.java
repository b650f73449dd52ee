package cn.mubiao.progress.assignment.domain;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;

import cn.mubiao.kit.security.UnitRelations;

import java.math.BigDecimal;
import java.util.List;

/** What progress-service knows of an assignment, fed by target events. */
public record Assignment(String assignmentId, String unitCode, String unitName, int year, String targetTitle,
                         IndicatorKind kind, BigDecimal targetValue, String unitOfMeasure, Frequency frequency,
                         List<String> coUnitCodes, String monitorUnitCode, long version) {

    public Assignment {
        coUnitCodes = coUnitCodes == null ? List.of() : List.copyOf(coUnitCodes);
    }

    /** Who stands in which relation to this assignment, for scoping. */
    public UnitRelations relations() {
        return UnitRelations.of(unitCode, coUnitCodes, monitorUnitCode);
    }
}
