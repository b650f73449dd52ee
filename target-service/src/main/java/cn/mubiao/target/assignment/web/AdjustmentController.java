package cn.mubiao.target.assignment.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.target.assignment.application.AdjustAssignments;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Adjustments of issued assignments (目标调整): the unit asks, the issuing office approves or rejects, or
 * orders a change itself; the office may withdraw an assignment.
 */
@RestController
class AdjustmentController {

    private final AdjustAssignments adjustments;

    AdjustmentController(AdjustAssignments adjustments) {
        this.adjustments = adjustments;
    }

    @PostMapping("/api/targets/assignments/{id}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('reporter', 'leader', 'target-office')")
    AdjustmentResponse request(@CurrentCaller Caller caller, @PathVariable String id, @Valid @RequestBody AdjustmentBody b) {
        return AdjustmentResponse.of(adjustments.request(caller, id, b.value(), b.standardScore(), b.reason()));
    }

    @PostMapping("/api/targets/assignments/{id}/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('target-office')")
    AdjustmentResponse order(@CurrentCaller Caller caller, @PathVariable String id, @Valid @RequestBody AdjustmentBody b) {
        return AdjustmentResponse.of(adjustments.order(caller, id, b.value(), b.standardScore(), b.reason()));
    }

    @PostMapping("/api/targets/assignments/{id}/adjustments/{number}/approval")
    @PreAuthorize("hasRole('target-office')")
    AdjustmentResponse approve(@CurrentCaller Caller caller, @PathVariable String id, @PathVariable int number,
                               @Valid @RequestBody(required = false) DecisionBody b) {
        return AdjustmentResponse.of(adjustments.approve(caller, id, number, b == null ? null : b.note()));
    }

    @PostMapping("/api/targets/assignments/{id}/adjustments/{number}/rejection")
    @PreAuthorize("hasRole('target-office')")
    AdjustmentResponse reject(@CurrentCaller Caller caller, @PathVariable String id, @PathVariable int number,
                              @Valid @RequestBody(required = false) DecisionBody b) {
        return AdjustmentResponse.of(adjustments.reject(caller, id, number, b == null ? null : b.note()));
    }

    @PostMapping("/api/targets/assignments/{id}/withdrawal")
    @PreAuthorize("hasRole('target-office')")
    AssignmentResponse withdraw(@CurrentCaller Caller caller, @PathVariable String id, @Valid @RequestBody DecisionBody b) {
        return AssignmentResponse.of(adjustments.withdraw(caller, id, b.note()));
    }

    /** Adjustments of what the caller sees; {@code open=true} (default) for those waiting for a decision. */
    @GetMapping("/api/targets/adjustments")
    List<AdjustmentResponse> list(@CurrentCaller Caller caller, @RequestParam(required = false) String planId,
                                  @RequestParam(defaultValue = "true") boolean open) {
        return adjustments.list(caller, planId, open).stream().map(AdjustmentResponse::of).toList();
    }
}
