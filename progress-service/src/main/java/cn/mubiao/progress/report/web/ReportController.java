package cn.mubiao.progress.report.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.report.application.ReadReports;
import cn.mubiao.progress.report.application.UnitReports;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Progress reports. Reporters submit, draft and correct their own unit's reports; everyone reads within their
 * scope. A report's id is {@code <assignmentId>:<period>}.
 */
@RestController
@RequestMapping("/api/progress")
class ReportController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final UnitReports unitReports;
    private final ReadReports read;

    ReportController(UnitReports unitReports, ReadReports read) {
        this.unitReports = unitReports;
        this.read = read;
    }

    @PostMapping("/reports")
    @PreAuthorize("hasRole('reporter')")
    ResponseEntity<ReportResponse> submit(@CurrentCaller Caller caller,
                                          @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                          @Valid @RequestBody ContentRequest.Submit body) {
        return answer(unitReports.submit(caller, body.assignmentId(), body.period(), body.content(), checked(idempotencyKey)));
    }

    @PostMapping("/reports/{id}/corrections")
    @PreAuthorize("hasRole('reporter')")
    ResponseEntity<ReportResponse> correct(@CurrentCaller Caller caller, @PathVariable String id,
                                           @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                           @Valid @RequestBody ContentRequest.Revise body) {
        return answer(unitReports.correct(caller, id, body.content(), body.reason(), checked(idempotencyKey)));
    }

    @PutMapping("/reports/{id}/draft")
    @PreAuthorize("hasRole('reporter')")
    ReportResponse saveDraft(@CurrentCaller Caller caller, @PathVariable String id,
                             @Valid @RequestBody ContentRequest.Revise body) {
        return ReportResponse.of(unitReports.saveDraft(caller, id, body.content(), body.reason()));
    }

    @PostMapping("/reports/{id}/draft/submit")
    @PreAuthorize("hasRole('reporter')")
    ResponseEntity<ReportResponse> submitDraft(@CurrentCaller Caller caller, @PathVariable String id,
                                               @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        return answer(unitReports.submitDraft(caller, id, checked(idempotencyKey)));
    }

    @GetMapping("/reports/{id}")
    ReportResponse one(@CurrentCaller Caller caller, @PathVariable String id) {
        return ReportResponse.of(read.one(caller, id));
    }

    @GetMapping("/reports")
    List<ReportResponse> ofAssignment(@CurrentCaller Caller caller, @RequestParam String assignmentId) {
        return read.ofAssignment(caller, assignmentId).stream().map(ReportResponse::of).toList();
    }

    @GetMapping("/rollup")
    RollUpResponse rollUp(@CurrentCaller Caller caller, @RequestParam String assignmentId, @RequestParam String period) {
        return RollUpResponse.of(read.rollUp(caller, assignmentId, period));
    }

    private static ResponseEntity<ReportResponse> answer(UnitReports.Outcome outcome) {
        ReportResponse response = ReportResponse.of(outcome.report());
        if (!outcome.created()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(response);
        }
        return ResponseEntity.created(URI.create("/api/progress/reports/"
                + URLEncoder.encode(response.id(), StandardCharsets.UTF_8))).body(response);
    }

    private static String checked(String idempotencyKey) {
        if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,128}")) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "1到128个可见ASCII字符 / 1 to 128 visible ASCII characters");
        }
        return idempotencyKey;
    }
}
