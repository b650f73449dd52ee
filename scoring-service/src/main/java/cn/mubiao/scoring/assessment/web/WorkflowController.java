package cn.mubiao.scoring.assessment.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.application.RunAssessments;
import cn.mubiao.scoring.assessment.application.RunAssessments.RunState;
import cn.mubiao.scoring.assessment.domain.AssessmentRun;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The assessment of a year and issuing government (第十三条): start → approval → publication, by the target office
 * whose unit covers the issuer ({@code issuer} defaults to the caller's region). Each step asked again answers the
 * state as it is and writes nothing; a step out of order is a 409.
 */
@RestController
@RequestMapping("/api/scoring/assessments/{year}")
class WorkflowController {

    private final RunAssessments runs;

    WorkflowController(RunAssessments runs) {
        this.runs = runs;
    }

    record StepResponse(String by, Instant at) {
    }

    record NotRankedResponse(String unitCode, String unitName, String field, String reason) {
    }

    /**
     * @param newlyPublished units whose result this call published (0 on a replay)
     * @param notRanked      units of the area that cannot be scored, left out of publication
     */
    record RunResponse(int year, String issuer, String status, String statusLabel, Integer ruleSetVersion,
                       StepResponse started, StepResponse approved, StepResponse published, int publishedUnits,
                       int newlyPublished, List<NotRankedResponse> notRanked) {
        static RunResponse of(RunState s) {
            AssessmentRun r = s.run();
            return new RunResponse(r.year(), r.issuerUnitCode(), r.status().name(), label(r.status()),
                    r.ruleSetVersion(), step(r.started()), step(r.approved()), step(r.published()), r.publishedUnits(),
                    s.newlyPublished(), s.notRanked().stream().map(n -> new NotRankedResponse(n.unitCode(),
                            n.unitName(), n.field(), n.reason())).toList());
        }

        private static StepResponse step(AssessmentRun.Step s) {
            return s == null ? null : new StepResponse(s.by(), s.at());
        }

        private static String label(AssessmentRun.Status s) {
            return switch (s) {
                case OPEN -> "未开始（可修改规则、录入） / not started";
                case STARTED -> "考核中（规则已冻结） / started, rule set frozen";
                case APPROVED -> "已审定 / approved";
                case PUBLISHED -> "已发布 / published";
            };
        }
    }

    @GetMapping
    RunResponse run(@CurrentCaller Caller caller, @PathVariable int year, @RequestParam(required = false) String issuer) {
        String area = issuer(caller, issuer);
        return RunResponse.of(new RunState(runs.run(year, area), List.of(), 0));
    }

    @PostMapping("/start")
    @PreAuthorize("hasRole('target-office')")
    RunResponse start(@CurrentCaller Caller caller, @PathVariable int year, @RequestParam(required = false) String issuer) {
        return RunResponse.of(runs.start(year, issuer(caller, issuer), caller.username()));
    }

    @PostMapping("/approval")
    @PreAuthorize("hasRole('target-office')")
    RunResponse approve(@CurrentCaller Caller caller, @PathVariable int year,
                        @RequestParam(required = false) String issuer) {
        return RunResponse.of(runs.approve(year, issuer(caller, issuer), caller.username()));
    }

    @PostMapping("/publication")
    @PreAuthorize("hasRole('target-office')")
    RunResponse publish(@CurrentCaller Caller caller, @PathVariable int year,
                        @RequestParam(required = false) String issuer) {
        return RunResponse.of(runs.publish(year, issuer(caller, issuer), caller.username()));
    }

    /** The issuing government: a region the caller covers (a department's office acts for its region). */
    static String issuer(Caller caller, String issuer) {
        String area = AssessmentController.government(caller, issuer);
        if (!caller.covers(area)) {
            throw ProblemException.notFound("assessment", area);
        }
        return area;
    }

}
