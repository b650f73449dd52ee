package cn.mubiao.progress.report.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.report.application.ReadReports;
import cn.mubiao.progress.report.application.SubmitReport;
import cn.mubiao.progress.report.domain.Narrative;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Progress reports: submit (reporters, own unit only) and read (within the caller's scope). */
@RestController
@RequestMapping("/api/progress/reports")
class ReportController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SubmitReport submit;
    private final ReadReports read;

    ReportController(SubmitReport submit, ReadReports read) {
        this.submit = submit;
        this.read = read;
    }

    @PostMapping
    @PreAuthorize("hasRole('reporter')")
    ResponseEntity<ReportResponse> submit(@CurrentCaller Caller caller,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                          @Valid @RequestBody SubmitReportRequest body) {
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,128}")) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "1到128个可见ASCII字符 / 1 to 128 visible ASCII characters");
        }
        var n = body.narrative();
        SubmitReport.Outcome outcome = submit.submit(caller, body.assignmentId(), body.period(), body.cumulativeActual(),
                n == null ? null : new Narrative(n.progress(), n.problems(), n.measures()), idempotencyKey);
        ReportResponse response = ReportResponse.of(outcome.report());
        if (!outcome.created()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(response);
        }
        return ResponseEntity.created(URI.create("/api/progress/reports/" + response.id())).body(response);
    }

    @GetMapping("/{id}")
    ReportResponse one(@CurrentCaller Caller caller, @PathVariable String id) {
        return ReportResponse.of(read.one(caller, id));
    }

    @GetMapping
    List<ReportResponse> ofAssignment(@CurrentCaller Caller caller, @RequestParam String assignmentId) {
        return read.ofAssignment(caller, assignmentId).stream().map(ReportResponse::of).toList();
    }
}
