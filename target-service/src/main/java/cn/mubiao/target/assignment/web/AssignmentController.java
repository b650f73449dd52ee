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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Assignments of targets to responsible units. Only the target office assigns; reads are scoped. */
@RestController
@RequestMapping("/api/targets/assignments")
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

    @GetMapping("/{id}")
    AssignmentResponse one(@CurrentCaller Caller caller, @PathVariable String id) {
        return AssignmentResponse.of(assignments.one(caller, id));
    }

    @GetMapping
    List<AssignmentResponse> list(@CurrentCaller Caller caller) {
        return assignments.visibleTo(caller).stream().map(AssignmentResponse::of).toList();
    }
}
