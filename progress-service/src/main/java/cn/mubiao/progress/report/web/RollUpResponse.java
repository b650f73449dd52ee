package cn.mubiao.progress.report.web;

import cn.mubiao.progress.report.application.ReadReports.RollUp;
import cn.mubiao.progress.report.domain.Report;

import java.math.BigDecimal;
import java.util.List;

/**
 * A cumulative target's roll-up for a period: the sum of its children's verified actuals beside the actual that
 * counts at its own level. {@code complete} when every child has a verified actual.
 */
record RollUpResponse(String assignmentId, String period, String unitOfMeasure, BigDecimal targetValue,
                      BigDecimal ownValue, String ownSource, String ownStatus, BigDecimal childrenTotal,
                      BigDecimal difference, int children, int verifiedChildren, boolean complete,
                      List<Child> parts) {

    record Child(String assignmentId, String unitCode, String unitName, BigDecimal targetValue, String status,
                 BigDecimal verifiedValue, String source) {
    }

    static RollUpResponse of(RollUp r) {
        var own = r.own().flatMap(Report::effective);
        return new RollUpResponse(r.parent().assignmentId(), r.period(),
                r.parent().unitOfMeasure(), r.parent().targetValue(),
                own.map(Report.Effective::value).orElse(null), own.map(e -> e.source().name()).orElse(null),
                r.own().map(o -> o.status().name()).orElse(null), r.childrenTotal(),
                own.map(e -> r.childrenTotal().subtract(e.value())).orElse(null),
                r.children().size(), r.verifiedChildren(), r.complete(),
                r.children().stream().map(c -> new Child(c.child().assignmentId(), c.child().unitCode(),
                        c.child().unitName(), c.child().targetValue(),
                        c.report().map(rep -> rep.status().name()).orElse("NOT_REPORTED"),
                        c.verified().map(Report.Effective::value).orElse(null),
                        c.verified().map(e -> e.source().name()).orElse(null))).toList());
    }
}
