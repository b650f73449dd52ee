package cn.mubiao.scoring.lag.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.UnitRelations;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.lag.domain.LagRecord;
import cn.mubiao.scoring.lag.persistence.LagStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Lag status of an assignment, period by period, within the caller's scope. */
@RestController
@RequestMapping("/api/scoring/status")
class LagController {

    private final LagStore store;

    LagController(LagStore store) {
        this.store = store;
    }

    record LagStatusResponse(String assignmentId, String period, String status, String statusLabel,
                             BigDecimal expectedPercent, BigDecimal completionPercent, BigDecimal gapPoints,
                             BigDecimal actual, String reason, boolean escalated) {
        static LagStatusResponse of(LagRecord r) {
            var a = r.assessment();
            return new LagStatusResponse(r.assignmentId(), r.period().code(), r.status().name(), r.status().zh(),
                    pct(a.expectedShare()), pct(a.completion()), a.gapPoints().setScale(1, RoundingMode.HALF_UP),
                    r.actual(), a.reason(), r.escalated());
        }

        private static BigDecimal pct(BigDecimal share) {
            return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
        }
    }

    @GetMapping
    List<LagStatusResponse> ofAssignment(@CurrentCaller Caller caller, @RequestParam String assignmentId) {
        store.target(assignmentId)
                .filter(t -> caller.sees(UnitRelations.of(t.unitCode(), t.coUnitCodes(), t.monitorUnitCode())))
                .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
        return store.records(assignmentId).stream().map(LagStatusResponse::of).toList();
    }
}
