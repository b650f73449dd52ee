package cn.mubiao.progress.report.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.report.application.VerifyReports;
import cn.mubiao.progress.report.domain.Report;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;

/** Verification (认定) by the monitoring unit, and values recorded by a business department or the statistics bureau. */
@RestController
@RequestMapping("/api/progress/reports/{id}")
@PreAuthorize("hasRole('monitor')")
class VerificationController {

    private final VerifyReports verify;

    VerificationController(VerifyReports verify) {
        this.verify = verify;
    }

    /** ACCEPT (认定通过), RETURN (退回, with a reason) or FRAUD (虚报瞒报, with a reason). */
    record DecisionRequest(@NotNull(message = "必填：ACCEPT、RETURN或FRAUD / required: ACCEPT, RETURN or FRAUD")
                           VerifyReports.Decision decision,
                           @Size(max = 2000) String reason) {
    }

    record ValueRequest(@NotNull(message = "必填 / required")
                        @DecimalMin(value = "0", message = ContentRequest.NEGATIVE)
                        @Digits(integer = 15, fraction = 6, message = ContentRequest.TOO_LARGE) BigDecimal value,
                        @Size(max = 2000) String note) {
    }

    @PostMapping("/verification")
    ReportResponse decide(@CurrentCaller Caller caller, @PathVariable String id, @Valid @RequestBody DecisionRequest body) {
        return ReportResponse.of(verify.decide(caller, id, body.decision(), body.reason()));
    }

    @PostMapping("/values")
    ReportResponse recordValue(@CurrentCaller Caller caller, @PathVariable String id, @Valid @RequestBody ValueRequest body) {
        Report.Id reportId = Report.Id.parse(id).orElseThrow(() -> ProblemException.notFound("report", id));
        return ReportResponse.of(verify.recordValue(caller, reportId.assignmentId(), reportId.period(), body.value(),
                body.note(), false));
    }
}
