package cn.mubiao.progress.assignment.domain;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;

import java.math.BigDecimal;

/** What progress-service knows of an assignment, fed by target events. */
public record Assignment(String assignmentId, String unitCode, String unitName, int year, String targetTitle,
                         IndicatorKind kind, BigDecimal targetValue, String unitOfMeasure, Frequency frequency,
                         String monitorUnitCode, long version) {
}
