package cn.mubiao.target.assignment.web;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.target.assignment.domain.Assignment;
import cn.mubiao.target.assignment.domain.AssignmentTerms;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An assignment as the API shows it. */
record AssignmentResponse(String id, long version, String planId, int year, String targetCode, String targetTitle,
                          String category, String unitCode, String unitName, List<String> coUnitCodes,
                          String monitorUnitCode,
                          IndicatorKind indicatorKind, String unitOfMeasure, BigDecimal targetValue,
                          BigDecimal standardScore, Frequency frequency, List<BigDecimal> seasonalShares,
                          List<String> leaders, String targetId, String parentAssignmentId, String role,
                          String issuerUnitCode, Boolean binding, BigDecimal baseline, String source,
                          String provinceCode, BigDecimal provinceTargetValue, BigDecimal cityTargetValue,
                          String targetValueProvenance, List<Milestone> milestones, boolean withdrawn, Instant validFrom) {

    static AssignmentResponse of(Assignment a) {
        return of(a.id(), a.version(), a.terms(), a.withdrawn(), null);
    }

    static AssignmentResponse of(String id, Assignment.Version v, boolean withdrawn) {
        return of(id, v.version(), v.terms(), withdrawn, v.validFrom());
    }

    private static AssignmentResponse of(String id, long version, AssignmentTerms t, boolean withdrawn, Instant validFrom) {
        return new AssignmentResponse(id, version, t.planId(), t.year(), t.targetCode(), t.targetTitle(),
                t.category(), t.unitCode(), t.unitName(), t.coUnitCodes(), t.monitorUnitCode(), t.kind(), t.unitOfMeasure(),
                t.targetValue(), t.standardScore(), t.frequency(), t.seasonalShares(), t.leaders(), t.targetId(),
                t.parentAssignmentId(), t.role(), t.issuerUnitCode(), t.binding(), t.baseline(), t.source(),
                t.provinceCode(), t.provinceTargetValue(), t.cityTargetValue(), t.targetValueProvenance(), t.milestones(),
                withdrawn, validFrom);
    }
}
