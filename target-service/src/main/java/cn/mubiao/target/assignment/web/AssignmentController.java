package cn.mubiao.target.assignment.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.assignment.application.AssignTargets;
import cn.mubiao.target.assignment.domain.AssignmentTerms;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.validation.annotation.Validated;
import cn.mubiao.target.assignment.persistence.AssignmentStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;

import java.net.URI;
import java.util.List;

/** Assignments of targets to responsible units. Only the target office assigns; reads are scoped. */
@RestController
@RequestMapping("/api/targets/assignments")
@Validated
class AssignmentController {

    private final AssignTargets assignments;

    AssignmentController(AssignTargets assignments) {
        this.assignments = assignments;
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('target-office')")
    ResponseEntity<AssignmentResponse> assign(@CurrentCaller Caller caller, @PathVariable String id,
                                              @Valid @RequestBody AssignmentRequest r) {
        if (!id.matches("[A-Za-z0-9@._-]{1,100}")) {
            throw ProblemException.invalid("id", "1到100个字母、数字或@._- / 1 to 100 letters, digits or @._-");
        }
        var terms = new AssignmentTerms(r.planId(), r.year(), r.targetCode(), r.targetTitle(), r.category(),
                r.unitCode(), r.unitName(), r.coUnitCodes(), r.monitorUnitCode(), r.indicatorKind(), r.unitOfMeasure(), r.targetValue(),
                r.standardScore(), r.frequency(), r.seasonalShares(), r.leaders());
        var outcome = assignments.assign(caller, id, terms);
        var body = AssignmentResponse.of(outcome.assignment());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/targets/assignments/" + id)).body(body)
                : ResponseEntity.ok(body);
    }

    /** One assignment now, or as it stood at the end of {@code asOf} (a date). */
    @GetMapping("/{id}")
    AssignmentResponse one(@CurrentCaller Caller caller, @PathVariable String id,
                           @RequestParam(required = false) LocalDate asOf) {
        if (asOf != null) {
            var a = assignments.one(caller, id);
            return AssignmentResponse.of(id, assignments.asOf(caller, id, asOf), a.withdrawn());
        }
        return AssignmentResponse.of(assignments.one(caller, id));
    }

    /** Every version with the moment it took effect. */
    @GetMapping("/{id}/history")
    List<AssignmentResponse> history(@CurrentCaller Caller caller, @PathVariable String id) {
        var a = assignments.withHistory(caller, id);
        return a.history().stream().map(v -> AssignmentResponse.of(id, v, a.withdrawn() && v.version() == a.version())).toList();
    }

    /** Assignments the caller sees, filtered in the database and paged. */
    @GetMapping
    Page list(@CurrentCaller Caller caller, @RequestParam(required = false) String planId,
              @RequestParam(required = false) String targetCode, @RequestParam(required = false) String category,
              @RequestParam(required = false) String unit, @RequestParam(required = false) String monitor,
              @RequestParam(defaultValue = "false") boolean includeWithdrawn,
              @RequestParam(defaultValue = "0") @Min(0) int page,
              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        var q = new AssignmentStore.Query(planId, targetCode, category, unit, null, monitor, includeWithdrawn, false);
        var found = assignments.visibleTo(caller, q, page, size);
        return new Page(found.items().stream().map(AssignmentResponse::of).toList(), page, size, found.total());
    }

    record Page(List<AssignmentResponse> items, int page, int size, long total) {
    }
}
