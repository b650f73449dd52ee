package cn.mubiao.target.assignment.web;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.target.assignment.domain.Assignment;

import java.math.BigDecimal;
import java.util.List;

/** An assignment as the API shows it. */
record AssignmentResponse(String id, long version, String planId, int year, String targetCode, String targetTitle,
                          String category, String unitCode, String unitName, List<String> coUnitCodes,
                          String monitorUnitCode,
                          IndicatorKind indicatorKind, String unitOfMeasure, BigDecimal targetValue,
                          BigDecimal standardScore, Frequency frequency, List<BigDecimal> seasonalShares,
                          List<String> leaders) {

    static AssignmentResponse of(Assignment a) {
        var t = a.terms();
        return new AssignmentResponse(a.id(), a.version(), t.planId(), t.year(), t.targetCode(), t.targetTitle(),
                t.category(), t.unitCode(), t.unitName(), t.coUnitCodes(), t.monitorUnitCode(), t.kind(), t.unitOfMeasure(),
                t.targetValue(), t.standardScore(), t.frequency(), t.seasonalShares(), t.leaders());
    }
}
