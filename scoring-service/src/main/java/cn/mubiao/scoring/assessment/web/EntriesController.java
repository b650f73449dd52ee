package cn.mubiao.scoring.assessment.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.application.EnterAssessmentEntries;
import cn.mubiao.scoring.assessment.domain.CoUnitMark;
import cn.mubiao.scoring.assessment.domain.ItemCorrection;
import cn.mubiao.scoring.assessment.domain.Quality;
import cn.mubiao.scoring.assessment.domain.UnitEntries;
import cn.mubiao.scoring.assessment.domain.UnitEntries.EnteredClaim;
import cn.mubiao.scoring.assessment.domain.Veto;
import cn.mubiao.scoring.assessment.domain.VetoKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry of what the platform's data does not carry, before publication: claims, vetoes and the comprehensive
 * evaluation by the target office covering the unit (others in scope: 403 by role; out of scope: 404), bottom-up
 * ratings by a town's or street's office.
 */
@RestController
@RequestMapping("/api/scoring/assessments/{year}/units/{unitCode}")
class EntriesController {

    private final EnterAssessmentEntries entries;

    EntriesController(EnterAssessmentEntries entries) {
        this.entries = entries;
    }

    record ClaimRequest(String ruleCode, BigDecimal points, String subject, List<String> evidence, String reviewer) {
    }

    record ClaimResponse(String id, String ruleCode, BigDecimal points, String subject, List<String> evidence,
                         String reviewer, String enteredBy, Instant enteredAt, boolean withdrawn, String withdrawnBy) {
        static ClaimResponse of(EnteredClaim c) {
            var claim = c.claim();
            return new ClaimResponse(claim.id(), claim.ruleCode(), claim.points(), claim.subject(), claim.evidence(),
                    claim.reviewer(), c.enteredBy(), c.enteredAt(), c.withdrawn(), c.withdrawnBy());
        }
    }

    record ClaimsResponse(int year, String unitCode, List<ClaimResponse> items) {
    }

    record VetoRequest(String kind, List<String> evidence, String reviewer) {
    }

    record ComprehensiveRequest(BigDecimal value) {
    }

    record RatingRequest(BigDecimal score) {
    }

    /**
     * Exactly one of: {@code quality} (a qualitative item: GOOD, FAIR, POOR or NOT_COMPLETED), {@code missingReason}
     * (缺项: left out, the base prorated) or {@code policyMissReason} (fully carried out, missed for policy or force
     * majeure: scored at the rule set's factor).
     */
    record JudgementRequest(String quality, String missingReason, String policyMissReason) {
    }

    record JudgementResponse(String assignmentId, String judgement, String label, String quality, String reason) {
        static JudgementResponse of(ItemCorrection j) {
            if (j.quality() != null) {
                return new JudgementResponse(j.assignmentId(), "QUALITY", "定性评定：" + j.quality().zh() + " / quality: "
                        + j.quality().en(), j.quality().name(), null);
            }
            return j.missingReason() != null
                    ? new JudgementResponse(j.assignmentId(), "MISSING", "缺项 / missing item", null, j.missingReason())
                    : new JudgementResponse(j.assignmentId(), "POLICY_MISS",
                    "受政策或不可抗力影响未完成 / missed for policy or force majeure", null, j.policyMissReason());
        }
    }

    record CoUnitRequest(String leadAssignmentId, String reason) {
    }

    record QuarterRequest(BigDecimal base) {
    }

    record EntriesResponse(int year, String unitCode, List<ClaimResponse> claims, List<ResultResponse.VetoResponse> vetoes,
                           BigDecimal comprehensive, List<RatingResponse> ratings, List<JudgementResponse> judgements,
                           List<CoUnitMark> coUnitMarks, Map<Integer, BigDecimal> quarterlyBases) {
        static EntriesResponse of(UnitEntries e) {
            return new EntriesResponse(e.year(), e.unitCode(), e.claims().stream().map(ClaimResponse::of).toList(),
                    e.vetoes().stream().map(ResultResponse.VetoResponse::of).toList(), e.comprehensive(),
                    e.ratings().stream().map(r -> new RatingResponse(r.raterUnitCode(), r.score())).toList(),
                    e.judgements().stream().map(JudgementResponse::of).toList(), e.coUnitMarks(),
                    new TreeMap<>(e.quarterlyBases()));
        }
    }

    record RatingResponse(String raterUnitCode, BigDecimal score) {
    }

    @GetMapping("/claims")
    ClaimsResponse claims(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode) {
        inScope(caller, year, unitCode);
        return new ClaimsResponse(year, unitCode,
                entries.entries(year, unitCode).claims().stream().map(ClaimResponse::of).toList());
    }

    @PostMapping("/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('target-office')")
    ClaimResponse fileClaim(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                            @RequestBody ClaimRequest body) {
        inScope(caller, year, unitCode);
        return ClaimResponse.of(entries.fileClaim(year, unitCode, body.ruleCode(), body.points(), body.subject(),
                body.evidence(), body.reviewer(), caller.username()));
    }

    @PostMapping("/claims/{claimId}/withdrawal")
    @PreAuthorize("hasRole('target-office')")
    ClaimResponse withdrawClaim(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                                @PathVariable String claimId) {
        inScope(caller, year, unitCode);
        return ClaimResponse.of(entries.withdrawClaim(year, unitCode, claimId, caller.username()));
    }

    @PostMapping("/vetoes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('target-office')")
    EntriesResponse findVeto(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                             @RequestBody VetoRequest body) {
        inScope(caller, year, unitCode);
        VetoKind kind = Arrays.stream(VetoKind.values()).filter(k -> k.name().equals(body.kind())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("kind", "应为 " + Arrays.toString(VetoKind.values())
                        + " 之一 / one of the veto kinds"));
        return EntriesResponse.of(entries.findVeto(year, unitCode, new Veto(kind, body.evidence(), body.reviewer())));
    }

    @PutMapping("/comprehensive")
    @PreAuthorize("hasRole('target-office')")
    EntriesResponse evaluate(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                             @RequestBody ComprehensiveRequest body) {
        inScope(caller, year, unitCode);
        return EntriesResponse.of(entries.evaluate(year, unitCode, body.value()));
    }

    /** Everything entered for the unit's year: claims, vetoes, the comprehensive evaluation, ratings, judgements. */
    @GetMapping("/entries")
    EntriesResponse entries(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode) {
        inScope(caller, year, unitCode);
        return EntriesResponse.of(entries.entries(year, unitCode));
    }

    /** The office judges one of the unit's items (第十六、十七条); a later judgement replaces it. */
    @PutMapping("/items/{assignmentId}")
    @PreAuthorize("hasRole('target-office')")
    EntriesResponse judge(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                          @PathVariable String assignmentId, @RequestBody JudgementRequest body) {
        inScope(caller, year, unitCode);
        Quality quality = body.quality() == null ? null : Arrays.stream(Quality.values())
                .filter(q -> q.name().equals(body.quality())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("quality", "应为 GOOD、FAIR、POOR 或 NOT_COMPLETED / one of "
                        + "GOOD, FAIR, POOR, NOT_COMPLETED"));
        return EntriesResponse.of(entries.judge(year, unitCode,
                new ItemCorrection(assignmentId, null, quality, body.missingReason(), body.policyMissReason())));
    }

    /**
     * 第十八条: the item is the unit's part in co-handling {@code leadAssignmentId} and the unit did not pull its weight;
     * while the lead's task is not completed, the item is scored with the lead's factor.
     */
    @PutMapping("/items/{assignmentId}/co-unit")
    @PreAuthorize("hasRole('target-office')")
    EntriesResponse markCoUnit(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                               @PathVariable String assignmentId, @RequestBody CoUnitRequest body) {
        inScope(caller, year, unitCode);
        return EntriesResponse.of(entries.markCoUnit(year, unitCode,
                new CoUnitMark(assignmentId, body.leadAssignmentId(), body.reason())));
    }

    /** The unit's base in one of the year's regular quarterly assessments (平时考核), which a rule set may count. */
    @PutMapping("/quarters/{quarter}")
    @PreAuthorize("hasRole('target-office')")
    EntriesResponse assessQuarter(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                                  @PathVariable int quarter, @RequestBody QuarterRequest body) {
        inScope(caller, year, unitCode);
        return EntriesResponse.of(entries.assessQuarter(year, unitCode, quarter, body.base()));
    }

    @DeleteMapping("/items/{assignmentId}/co-unit")
    @PreAuthorize("hasRole('target-office')")
    EntriesResponse clearCoUnitMark(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                                    @PathVariable String assignmentId) {
        inScope(caller, year, unitCode);
        return EntriesResponse.of(entries.clearCoUnitMark(year, unitCode, assignmentId));
    }

    /** Takes the item's judgement back: it is scored on the data again. */
    @DeleteMapping("/items/{assignmentId}")
    @PreAuthorize("hasRole('target-office')")
    EntriesResponse clearJudgement(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                                   @PathVariable String assignmentId) {
        inScope(caller, year, unitCode);
        return EntriesResponse.of(entries.clearJudgement(year, unitCode, assignmentId));
    }

    /** The caller's unit (a town or a street) rates the department {@code unitCode}. */
    @PostMapping("/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('target-office')")
    RatingResponse rate(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                        @RequestBody RatingRequest body) {
        if (caller.unit() == null) {
            throw ProblemException.forbidden("没有所属单位 / the caller has no unit");
        }
        entries.rate(year, caller.unit(), unitCode, body.score());
        return new RatingResponse(caller.unit(), body.score());
    }

    private static void inScope(Caller caller, int year, String unitCode) {
        if (!caller.covers(unitCode)) {
            throw ProblemException.notFound("assessment", year + "/" + unitCode);
        }
    }
}
