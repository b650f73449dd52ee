package cn.mubiao.scoring.assessment.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.scoring.assessment.application.AssessUnits;
import cn.mubiao.scoring.assessment.application.Categories;
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
 * The year-end assessment as a preview (试算), within the caller's scope: a region sees the units of its subtree, a
 * department its own unit; anything else is a 404 that does not say whether it exists. The province client is
 * refused (403) by the platform's access rules.
 */
@RestController
@RequestMapping("/api/scoring")
class AssessmentController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final AssessUnits assessment;

    AssessmentController(AssessUnits assessment) {
        this.assessment = assessment;
    }

    @GetMapping("/results/{year}/{unitCode}")
    ResultResponse result(@CurrentCaller Caller caller, @PathVariable int year, @PathVariable String unitCode) {
        return preview(caller, year, unitCode);
    }

    @GetMapping("/results/{year}/{unitCode}.xlsx")
    ResponseEntity<byte[]> resultSheet(@CurrentCaller Caller caller, @PathVariable int year,
                                       @PathVariable String unitCode) throws IOException {
        ResultResponse result = preview(caller, year, unitCode);
        var out = new ByteArrayOutputStream();
        ResultWorkbook.write(result, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(year + "-" + unitCode + "-考核结果（试算）.xlsx", StandardCharsets.UTF_8).build().toString())
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
        String area = issuer != null ? issuer : caller.unit() == null ? null : UnitCodes.region(caller.unit());
        if (!UnitCodes.isWellFormed(area) || UnitCodes.isDepartment(area)) {
            throw ProblemException.invalid("issuer", "应为行政区划代码 / a region's unit code");
        }
        return RankingResponse.of(assessment.ranking(year, c, area, caller::covers));
    }

    @GetMapping("/rule-sets/{year}")
    RuleSetResponse ruleSet(@PathVariable int year) {
        return RuleSetResponse.of(assessment.ruleSet(year));
    }

    private ResultResponse preview(Caller caller, int year, String unitCode) {
        if (!caller.covers(unitCode)) {
            throw ProblemException.notFound("assessment", year + "/" + unitCode);
        }
        return assessment.preview(year, unitCode).map(ResultResponse::of)
                .orElseThrow(() -> ProblemException.notFound("assessment", year + "/" + unitCode));
    }
}
