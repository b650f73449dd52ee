package cn.mubiao.scoring.assessment.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.application.AssessUnits;
import cn.mubiao.scoring.assessment.application.Categories;
import cn.mubiao.scoring.assessment.application.ReviseRuleSets;
import cn.mubiao.scoring.assessment.application.PublishedResults;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import cn.mubiao.scoring.assessment.domain.Category;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The year-end assessment, published or as a preview (试算), within the caller's scope: a region sees the units of its subtree, a
 * department its own unit; anything else is a 404 that does not say whether it exists. The province client is
 * refused (403) by the platform's access rules.
 */
@RestController
@RequestMapping("/api/scoring")
class AssessmentController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AssessUnits assessment;
    private final ReviseRuleSets ruleSets;
    private final PublishedResults publishedResults;

    AssessmentController(AssessUnits assessment, ReviseRuleSets ruleSets, PublishedResults publishedResults) {
        this.assessment = assessment;
        this.ruleSets = ruleSets;
        this.publishedResults = publishedResults;
    }

    /**
     * The published result (its current version, or {@code version}) once published, else the preview (试算).
     */
    @GetMapping("/results/{year}/{unitCode}")
    ResultResponse result(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode,
                          @RequestParam(required = false) Integer version) {
        return resultOf(caller, year, unitCode, version);
    }

    @GetMapping("/results/{year}/{unitCode}.xlsx")
    ResponseEntity<byte[]> resultSheet(@CurrentCaller Caller caller, @PathVariable int year,
                                       @PathVariable String unitCode, @RequestParam(required = false) Integer version)
            throws IOException {
        ResultResponse result = resultOf(caller, year, unitCode, version);
        String label = result.preview() ? "考核结果（试算）" : "考核结果（第" + result.version() + "版）";
        var out = new ByteArrayOutputStream();
        ResultWorkbook.write(result, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(year + "-" + unitCode + "-" + label + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(out.toByteArray());
    }

    /**
     * @param issuer the government whose units are ranked (its area, by unit code); default the caller's region
     */
    @GetMapping("/rankings/{year}")
    RankingResponse ranking(@CurrentCaller Caller caller, @PathVariable int year, @RequestParam String category,
                            @RequestParam(required = false) String issuer) {
        Category c = Categories.of(category).orElseThrow(() -> ProblemException.invalid("category",
                "应为 DEPARTMENTS、TOWNS 或 STREETS / one of DEPARTMENTS, TOWNS, STREETS"));
        return RankingResponse.of(assessment.ranking(year, c, government(caller, issuer), caller::covers));
    }

    /**
     * @param issuer the government whose rules (published: anyone may read them); default the caller's own
     */
    @GetMapping("/rule-sets/{year}")
    RuleSetResponse ruleSet(@CurrentCaller Caller caller, @PathVariable int year,
                            @RequestParam(required = false) String issuer) {
        return RuleSetResponse.of(assessment.ruleSet(government(caller, issuer), year));
    }

    /**
     * A new draft version of the caller's government's rule set for the year (fields left out keep their value in
     * force); 409 once its assessment started and froze it. Only the target office of that government writes it.
     */
    @PutMapping("/rule-sets/{year}")
    @PreAuthorize("hasRole('target-office')")
    RuleSetResponse reviseRuleSet(@CurrentCaller Caller caller, @PathVariable int year,
                                  @RequestParam(required = false) String issuer, @RequestBody RuleSetRequest body) {
        String government = government(caller, issuer);
        if (caller.unit() == null || !government.equals(UnitCodes.region(caller.unit()))) {
            throw ProblemException.forbidden("只能修改本级政府的考核规则 / a target office writes its own government's rules only");
        }
        return RuleSetResponse.of(ruleSets.revise(government, year, body::over));
    }

    /** The government named, else the caller's; a region's code, never a department's. */
    static String government(Caller caller, String issuer) {
        String area = issuer != null ? issuer : caller.unit() == null ? null : UnitCodes.region(caller.unit());
        if (!UnitCodes.isWellFormed(area) || UnitCodes.isDepartment(area)) {
            throw ProblemException.invalid("issuer", "应为行政区划代码 / a region's unit code");
        }
        return area;
    }

    private ResultResponse resultOf(Caller caller, int year, String unitCode, Integer version) {
        if (!caller.covers(unitCode)) {
            throw ProblemException.notFound("assessment", year + "/" + unitCode);
        }
        var published = publishedResults.find(year, unitCode);
        if (published.isPresent()) {
            return ResultResponse.of(publishedResults.show(published.get(), version));
        }
        if (version != null) {
            throw ProblemException.notFound("result", year + "/" + unitCode + "?version=" + version);
        }
        return assessment.preview(year, unitCode).map(ResultResponse::of)
                .orElseThrow(() -> ProblemException.notFound("assessment", year + "/" + unitCode));
    }
}
