package cn.mubiao.scoring.assessment.web;

import cn.mubiao.contracts.scoring.ResultRevised.Change;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.application.DecideAppeals;
import cn.mubiao.scoring.assessment.application.DecideAppeals.Correction;
import cn.mubiao.scoring.assessment.application.DecideAppeals.NewClaim;
import cn.mubiao.scoring.assessment.domain.ItemCorrection;
import cn.mubiao.scoring.assessment.domain.PublishedResult.Appeal;
import cn.mubiao.scoring.assessment.domain.Quality;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Appeals (复议) against a published result: filed by the unit itself (anyone of it) within the appeal period,
 * decided by the target office covering the unit. Others in scope may read them; out of scope is a 404.
 */
@RestController
@RequestMapping("/api/scoring/assessments/{year}/units/{unitCode}/appeals")
class AppealsController {

    private final DecideAppeals appeals;

    AppealsController(DecideAppeals appeals) {
        this.appeals = appeals;
    }

    record AppealRequest(String reason) {
    }

    record ClaimRequest(String ruleCode, BigDecimal points, String subject, List<String> evidence, String reviewer) {
    }

    record ItemRequest(String assignmentId, BigDecimal completion, String quality, String missingReason) {
    }

    /**
     * @param decision UPHOLD (维持) or CHANGE (变更: a new version from the corrections)
     */
    record DecisionRequest(String decision, String note, List<ClaimRequest> addClaims, List<String> withdrawClaims,
                           List<ItemRequest> items) {
    }

    record ChangeResponse(String line, String label, String before, String after) {
    }

    record AppealResponse(int number, String reason, String filedBy, Instant filedAt, String status, String note,
                          String decidedBy, Instant decidedAt, Integer resultVersion, List<ChangeResponse> changes) {
        static AppealResponse of(Appeal a) {
            return new AppealResponse(a.number(), a.reason(), a.filedBy(), a.filedAt(), a.status().name(), a.note(),
                    a.decidedBy(), a.decidedAt(), a.resultVersion(), a.changes().stream().map(AppealResponse::change)
                    .toList());
        }

        private static ChangeResponse change(Change c) {
            return new ChangeResponse(c.line(), c.label(), c.before(), c.after());
        }
    }

    record AppealsResponse(int year, String unitCode, List<AppealResponse> items) {
    }

    /** The unit's appeals; none while the result is not published. */
    @GetMapping
    AppealsResponse list(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode) {
        inScope(caller, year, unitCode);
        return new AppealsResponse(year, unitCode, appeals.find(year, unitCode).map(p -> p.appeals().stream()
                .map(AppealResponse::of).toList()).orElse(List.of()));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AppealResponse file(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                        @RequestBody AppealRequest body) {
        inScope(caller, year, unitCode);
        if (!unitCode.equals(caller.unit())) {
            throw ProblemException.forbidden("复议由被考核单位提出 / only the unit itself appeals");
        }
        return AppealResponse.of(appeals.file(year, unitCode, body.reason(), caller.username()));
    }

    @PostMapping("/{number}/decision")
    @PreAuthorize("hasRole('target-office')")
    AppealResponse decide(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                          @PathVariable int number, @RequestBody DecisionRequest body) {
        inScope(caller, year, unitCode);
        if (unitCode.equals(caller.unit())) {
            throw ProblemException.forbidden("单位不能裁决本单位的复议 / a unit does not decide its own appeal");
        }
        String decision = body.decision() == null ? "" : body.decision();
        return AppealResponse.of(switch (decision) {
            case "UPHOLD" -> appeals.uphold(year, unitCode, number, body.note(), caller.username());
            case "CHANGE" -> appeals.changeResult(year, unitCode, number, body.note(), correction(body),
                    caller.username());
            default -> throw ProblemException.invalid("decision", "应为 UPHOLD 或 CHANGE / UPHOLD or CHANGE");
        });
    }

    private static Correction correction(DecisionRequest body) {
        List<NewClaim> claims = body.addClaims() == null ? List.of() : body.addClaims().stream()
                .map(c -> new NewClaim(c.ruleCode(), c.points(), c.subject(), c.evidence(), c.reviewer())).toList();
        List<ItemCorrection> items = body.items() == null ? List.of() : body.items().stream()
                .map(i -> new ItemCorrection(i.assignmentId(), i.completion(), quality(i.quality()),
                        i.missingReason())).toList();
        return new Correction(claims, body.withdrawClaims(), items);
    }

    private static Quality quality(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Quality.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("items.quality", "应为 GOOD、FAIR、POOR 或 NOT_COMPLETED / a quality");
        }
    }

    private static void inScope(Caller caller, int year, String unitCode) {
        if (!caller.covers(unitCode)) {
            throw ProblemException.notFound("assessment", year + "/" + unitCode);
        }
    }
}
