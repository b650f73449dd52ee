package cn.mubiao.scoring.assessment.web;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.scoring.assessment.application.AssessUnits;
import cn.mubiao.scoring.assessment.application.AssessUnits.WhatIf;
import cn.mubiao.scoring.assessment.application.Categories;
import cn.mubiao.scoring.assessment.domain.Category;
import cn.mubiao.scoring.assessment.domain.GradedResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What-if (试算) of a rule set: every unit of the issuer's area scored, ranked and graded under the rules given
 * (fields left out keep their value in force), each beside its result under the rules in force. Nothing is written.
 */
@RestController
@RequestMapping("/api/scoring/what-if")
class WhatIfController {

    private final AssessUnits assessment;

    WhatIfController(AssessUnits assessment) {
        this.assessment = assessment;
    }

    record UnitLine(String unitCode, String unitName, BigDecimal total, String displayTotal, String grade,
                    Integer place, boolean vetoed, BigDecimal totalInForce, String gradeInForce, Integer placeInForce) {
    }

    record CategoryLines(String category, String categoryLabel, List<UnitLine> units) {
    }

    record NotRankedLine(String unitCode, String unitName, String field, String reason) {
    }

    record WhatIfResponse(int year, String issuer, RuleSetResponse ruleSet, List<CategoryLines> categories,
                          List<NotRankedLine> notRanked) {
    }

    @PostMapping("/{year}")
    @PreAuthorize("hasRole('target-office')")
    WhatIfResponse whatIf(@CurrentCaller Caller caller, @PathVariable int year,
                          @RequestParam(required = false) String issuer, @RequestBody RuleSetRequest body) {
        String area = WorkflowController.issuer(caller, issuer);
        WhatIf w = assessment.whatIf(year, area, body::over);
        List<CategoryLines> categories = Arrays.stream(Category.values()).map(c -> {
            Map<String, GradedResult> before = w.inForce().ranking().of(c).stream()
                    .collect(Collectors.toMap(GradedResult::unitCode, Function.identity()));
            return new CategoryLines(Categories.code(c), c.zh() + " / " + c.en(),
                    w.tried().ranking().of(c).stream().map(g -> {
                        GradedResult was = before.get(g.unitCode());
                        return new UnitLine(g.unitCode(), g.result().unitName(), g.result().total(),
                                g.result().displayTotal(), g.grade().name(), g.place(), g.result().vetoed(),
                                was == null ? null : was.result().total(), was == null ? null : was.grade().name(),
                                was == null ? null : was.place());
                    }).toList());
        }).toList();
        return new WhatIfResponse(year, area, RuleSetResponse.of(w.tried().ruleSet()), categories,
                w.tried().notRanked().stream().map(n -> new NotRankedLine(n.unitCode(), n.unitName(), n.field(),
                        n.reason())).toList());
    }
}
