package cn.mubiao.target.assignment.web;

import cn.mubiao.target.assignment.application.AdjustAssignments;
import cn.mubiao.target.assignment.domain.AdjustmentRequest;

import java.math.BigDecimal;
import java.time.Instant;

/** An adjustment as the API shows it, with the assignment's current value beside the proposed one. */
record AdjustmentResponse(String id, String assignmentId, int number, String planId, String targetCode,
                          String targetTitle, String unitCode, String unitName, BigDecimal currentValue,
                          BigDecimal currentStandardScore, BigDecimal value, BigDecimal standardScore, String reason,
                          boolean ordered, String status, String statusLabel, String requestedBy, Instant requestedAt,
                          String decidedBy, Instant decidedAt, String decisionNote, long assignmentVersion) {

    static AdjustmentResponse of(AdjustAssignments.Adjustment adj) {
        var t = adj.assignment().terms();
        AdjustmentRequest r = adj.request();
        return new AdjustmentResponse(adj.id(), adj.assignment().id(), r.number(), t.planId(), t.targetCode(),
                t.targetTitle(), t.unitCode(), t.unitName(), t.targetValue(), t.standardScore(), r.value(),
                r.standardScore(), r.reason(), r.ordered(), r.status().name(), r.status().label(), r.requestedBy(),
                r.requestedAt(), r.decidedBy(), r.decidedAt(), r.decisionNote(), adj.assignment().version());
    }
}
