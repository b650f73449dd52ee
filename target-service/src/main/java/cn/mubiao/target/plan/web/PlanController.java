package cn.mubiao.target.plan.web;

import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.plan.application.DraftPlans;
import cn.mubiao.target.plan.application.IssuePlans;
import cn.mubiao.target.plan.application.PlanQueries;
import cn.mubiao.target.plan.domain.Allocation;
import cn.mubiao.target.plan.domain.Category;
import cn.mubiao.target.plan.domain.IssueCheck;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.TargetDefinition;
import cn.mubiao.target.plan.web.PlanResponses.LetterResponse;
import cn.mubiao.target.plan.web.PlanResponses.PageResponse;
import cn.mubiao.target.plan.web.PlanResponses.PlanResponse;
import cn.mubiao.target.plan.web.PlanResponses.TargetResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * Annual plans (年度目标计划): the target office drafts a plan, defines its targets with their split down the
 * tree, checks and issues it; units read what concerns them and acknowledge their responsibility letters.
 */
@RestController
@RequestMapping("/api/targets/plans")
@Validated
class PlanController {

    private final DraftPlans drafts;
    private final IssuePlans issues;
    private final PlanQueries queries;

    PlanController(DraftPlans drafts, IssuePlans issues, PlanQueries queries) {
        this.drafts = drafts;
        this.issues = issues;
        this.queries = queries;
    }

    @PutMapping("/{planId}")
    @PreAuthorize("hasRole('target-office')")
    ResponseEntity<PlanResponse> describe(@CurrentCaller Caller caller, @PathVariable String planId,
                                          @Valid @RequestBody PlanRequest r) {
        if (!planId.equals(Plan.idOf(r.issuerUnitCode(), r.year()))) {
            throw ProblemException.invalid("planId", "计划编号须为“发文单位代码-年度”，即" + Plan.idOf(r.issuerUnitCode(), r.year())
                    + " / the plan id must be <issuer>-<year>");
        }
        var outcome = drafts.describe(caller, r.issuerUnitCode(), r.year(), r.title(),
                r.categories().stream().map(c -> new Category(c.code(), c.name())).toList(), r.adjustmentDeadline());
        var body = PlanResponse.of(outcome.value());
        return outcome.created() ? ResponseEntity.created(URI.create("/api/targets/plans/" + planId)).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping
    PageResponse<PlanResponse> plans(@CurrentCaller Caller caller, @RequestParam(required = false) Integer year,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return PageResponse.of(queries.plans(caller, year, page, size), PlanResponse::of);
    }

    @GetMapping("/{planId}")
    PlanResponse plan(@CurrentCaller Caller caller, @PathVariable String planId) {
        return PlanResponse.of(queries.plan(caller, planId));
    }

    @PutMapping("/{planId}/targets/{code}")
    @PreAuthorize("hasRole('target-office')")
    ResponseEntity<TargetResponse> defineTarget(@CurrentCaller Caller caller, @PathVariable String planId,
                                                @PathVariable String code, @Valid @RequestBody TargetRequest r) {
        var definition = new TargetDefinition(code, r.title(), r.category(), Boolean.TRUE.equals(r.binding()), r.indicatorKind(),
                r.unitOfMeasure(), r.targetValue(), r.baseline(), r.leaders(), r.leadUnits(), r.coUnits(),
                r.monitorUnitCode(), r.standardScore(), r.frequency(), r.curve(), r.seasonalShares(),
                r.milestones() == null ? List.of() : r.milestones().stream().map(m -> new Milestone(m.due(), m.title())).toList(),
                r.source(), r.provinceCode());
        List<Allocation> allocations = r.allocations() == null ? List.of() : r.allocations().stream()
                .map(a -> new Allocation(a.unitCode(), a.parentUnitCode(), a.value(), a.standardScore(), a.coUnits())).toList();
        var outcome = drafts.defineTarget(caller, planId, definition, allocations);
        var body = TargetResponse.of(new PlanQueries.VisibleTarget(outcome.value(), outcome.value().decomposition().nodes()));
        return outcome.created()
                ? ResponseEntity.created(URI.create("/api/targets/plans/" + planId + "/targets/" + code)).body(body)
                : ResponseEntity.ok(body);
    }

    @GetMapping("/{planId}/targets")
    PageResponse<TargetResponse> targets(@CurrentCaller Caller caller, @PathVariable String planId,
                                         @RequestParam(required = false) String category,
                                         @RequestParam(required = false) String unit,
                                         @RequestParam(required = false) String leadUnit,
                                         @RequestParam(required = false) String monitor,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(queries.targets(caller, planId, new PlanQueries.TargetQuery(category, unit, leadUnit, monitor),
                page, size), TargetResponse::of);
    }

    @GetMapping("/{planId}/targets/{code}")
    TargetResponse target(@CurrentCaller Caller caller, @PathVariable String planId, @PathVariable String code) {
        return TargetResponse.of(queries.target(caller, planId, code));
    }

    /** What still stands in the way of issuing the draft: shortfalls, score totals, unknown units. */
    @GetMapping("/{planId}/issue-check")
    @PreAuthorize("hasRole('target-office')")
    List<IssueCheck.Problem> issueCheck(@CurrentCaller Caller caller, @PathVariable String planId) {
        return issues.check(caller, planId);
    }

    @PostMapping("/{planId}/issue")
    @PreAuthorize("hasRole('target-office')")
    PlanResponse issue(@CurrentCaller Caller caller, @PathVariable String planId) {
        return PlanResponse.of(issues.issue(caller, planId));
    }

    @PostMapping("/{planId}/start")
    @PreAuthorize("hasRole('target-office')")
    PlanResponse start(@CurrentCaller Caller caller, @PathVariable String planId) {
        return PlanResponse.of(issues.start(caller, planId));
    }

    @GetMapping("/{planId}/letters")
    List<LetterResponse> letters(@CurrentCaller Caller caller, @PathVariable String planId) {
        return queries.letters(caller, planId).stream().map(LetterResponse::of).toList();
    }

    @PostMapping("/{planId}/letters/{unitCode}/acknowledgement")
    @PreAuthorize("hasAnyRole('leader', 'target-office')")
    LetterResponse acknowledge(@CurrentCaller Caller caller, @PathVariable String planId, @PathVariable String unitCode) {
        return LetterResponse.of(issues.acknowledge(caller, planId, unitCode));
    }
}
