package cn.mubiao.progress.report.web;

import cn.mubiao.progress.report.domain.Report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** A stored report as the API shows it. {@code completionPercent} is rounded for display only. */
record ReportResponse(String id, String assignmentId, String unitCode, String period, BigDecimal cumulativeActual,
                      BigDecimal completion, BigDecimal completionPercent, String progress, String problems,
                      String measures, String reportedBy, Instant reportedAt, boolean late) {

    static ReportResponse of(Report r) {
        return new ReportResponse(r.id(), r.assignmentId(), r.unitCode(), r.period().code(), r.cumulativeActual(),
                r.completion(),
                r.completion().movePointRight(2).setScale(1, RoundingMode.HALF_UP), r.narrative().progress(),
                r.narrative().problems(), r.narrative().measures(), r.reportedBy(), r.reportedAt(), r.late());
    }
}
