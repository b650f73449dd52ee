package cn.mubiao.scoring.assessment.web;

import cn.mubiao.scoring.assessment.application.AssessUnits;
import cn.mubiao.scoring.assessment.application.Categories;
import cn.mubiao.scoring.assessment.domain.GradedResult;

import java.math.BigDecimal;
import java.util.List;

/**
 * A category's ranking as a preview: the units the caller may see, each with its place among all the category's
 * units of the issuer's area, and the units that could not be scored with the reason.
 */
record RankingResponse(int year, String category, String categoryLabel, String issuer, boolean preview,
                       String status, String statusLabel, ResultResponse.RuleSetRef ruleSet, List<RankedUnit> units,
                       List<NotRankedUnit> notRanked) {

    /**
     * @param place null for a vetoed unit (it takes no place)
     * @param reasons why the grade, after the place (Chinese first, English second)
     */
    record RankedUnit(Integer place, String unitCode, String unitName, BigDecimal total, String displayTotal,
                      BigDecimal base, BigDecimal bonus, BigDecimal deductions, boolean vetoed, String grade,
                      String gradeLabel, List<String> reasons) {
        static RankedUnit of(GradedResult g) {
            var r = g.result();
            return new RankedUnit(g.place(), r.unitCode(), r.unitName(), r.total(), r.displayTotal(), r.base(),
                    r.bonus(), r.deductions(), r.vetoed(), g.grade().name(), g.grade().zh() + " / " + g.grade().en(),
                    g.reasons());
        }
    }

    record NotRankedUnit(String unitCode, String unitName, String field, String reason) {
    }

    static RankingResponse of(AssessUnits.Standings s) {
        return new RankingResponse(s.year(), Categories.code(s.category()), s.category().zh() + " / " + s.category().en(),
                s.issuer(), true, ResultResponse.PREVIEW, ResultResponse.PREVIEW_LABEL,
                ResultResponse.RuleSetRef.of(s.ruleSet()), s.ranked().stream().map(RankedUnit::of).toList(),
                s.notRanked().stream().map(n -> new NotRankedUnit(n.unitCode(), n.unitName(), n.field(), n.reason()))
                        .toList());
    }
}
