package cn.mubiao.scoring.assessment.web;

import cn.mubiao.scoring.assessment.application.AssessUnits;
import cn.mubiao.scoring.assessment.application.PublishedResults;
import cn.mubiao.scoring.assessment.domain.ResultVersion;
import cn.mubiao.scoring.assessment.application.Categories;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts;
import cn.mubiao.scoring.assessment.domain.ClaimOutcome;
import cn.mubiao.scoring.assessment.domain.ItemScore;
import cn.mubiao.scoring.assessment.domain.UnitResult;
import cn.mubiao.scoring.assessment.domain.Veto;
import cn.mubiao.scoring.assessment.domain.YearEndValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A unit's year-end result with every point explained, marked as a preview (试算): nothing is published yet.
 *
 * @param total         full precision; {@code displayTotal} is the two-decimal figure to show
 * @param itemsBase     Σ item scores × 100 / Σ s of the items left in, before any quarterly share
 * @param explanation   every line of the total, Chinese first, English second
 */
record ResultResponse(int year, String unitCode, String unitName, String category, String categoryLabel,
                      boolean preview, String status, String statusLabel, RuleSetRef ruleSet, BigDecimal total,
                      String displayTotal, BigDecimal itemsBase, BigDecimal base, BigDecimal bonus,
                      BigDecimal deductions, BigDecimal rating, BigDecimal comprehensive, List<VetoResponse> vetoes,
                      List<ItemResponse> items, List<ClaimResponse> claims, List<String> explanation,
                      Integer version, List<Integer> versions, String grade, String gradeLabel, Integer place,
                      Integer placesInCategory, Instant publishedAt) {

    static final String PREVIEW = "PREVIEW";
    static final String PREVIEW_LABEL = "试算（未发布） / preview, not published";
    static final String PUBLISHED = "PUBLISHED";
    static final String PUBLISHED_LABEL = "已发布 / published";
    static final String REVISED_LABEL = "已发布（复议后更正） / published, revised on appeal";

    /** The rule set the result was computed under. */
    record RuleSetRef(int year, String issuer, int version, boolean frozen, String source) {
        static RuleSetRef of(AssessUnits.RuleInForce r) {
            return new RuleSetRef(r.ruleSet().planYear(), r.issuer(), r.ruleSet().version(), r.ruleSet().frozen(),
                    r.stored() ? "STORED" : "DEFAULT");
        }
    }

    /**
     * One item: its inputs (terms, the year-end completion and where it comes from, fraud) and how it was scored.
     *
     * @param completion the completion scored (not capped; scoring caps it at 1), from {@code period}
     * @param basis      VERIFIED (认定值), REPORTED (unverified report) or NONE (no value: 0)
     * @param factor     null for a missing item
     */
    record ItemResponse(String code, String assignmentId, String targetCode, String title, String kind, String role,
                        List<String> coUnitCodes, String unitOfMeasure, BigDecimal targetValue,
                        BigDecimal standardScore, BigDecimal completion, String period, String basis,
                        String basisLabel, String valueSource, boolean fraud, List<String> fraudReasons,
                        BigDecimal factor, BigDecimal score, boolean leftOut, String line) {

        static ItemResponse of(ItemScore s, AssignmentFacts facts) {
            var t = facts.terms();
            YearEndValue v = facts.yearEnd();
            return new ItemResponse(s.code(), facts.assignmentId(), t.targetCode(), t.title(), t.kind(), t.role(),
                    t.coUnitCodes(), t.unitOfMeasure(), t.targetValue(), s.standardScore(), v.completion(), v.period(),
                    v.basis().name(), v.basis().zh() + " / " + v.basis().en(), v.source(), facts.fraudulent(),
                    facts.fraudFlags().stream().sorted().map(f -> f.period() + " " + f.reportId() + "：" + f.reason())
                            .toList(), s.factor(), s.score(), s.leftOut(), s.line());
        }
    }

    record ClaimResponse(String id, String ruleCode, String kind, BigDecimal points, String subject, boolean counted,
                         String supersededBy, String line) {
        static ClaimResponse of(ClaimOutcome c) {
            return new ClaimResponse(c.claim().id(), c.claim().ruleCode(), c.entry().kind().name(), c.entry().points(),
                    c.claim().subject(), c.counted(), c.supersededBy(), c.line());
        }
    }

    record VetoResponse(String kind, String label, List<String> evidence, String reviewer) {
        static VetoResponse of(Veto v) {
            return new VetoResponse(v.kind().name(), v.kind().zh() + " / " + v.kind().en(), v.evidence(), v.reviewer());
        }
    }

    static ResultResponse of(AssessUnits.Preview p) {
        UnitResult r = p.result();
        Map<String, AssignmentFacts> facts = p.facts().live().stream()
                .collect(Collectors.toMap(AssignmentFacts::assignmentId, Function.identity()));
        return new ResultResponse(p.year(), r.unitCode(), r.unitName(), Categories.code(r.category()),
                r.category().zh() + " / " + r.category().en(), true, PREVIEW, PREVIEW_LABEL, RuleSetRef.of(p.ruleSet()),
                r.total(), r.displayTotal(), r.itemsBase(), r.base(), r.bonus(), r.deductions(), r.rating(),
                r.comprehensive(), r.vetoes().stream().map(VetoResponse::of).toList(),
                r.items().stream().map(s -> ItemResponse.of(s, facts.get(s.code()))).toList(),
                r.claims().stream().map(ClaimResponse::of).toList(), r.explanation(), null, List.of(), null, null,
                null, null, null);
    }

    /** A version of a published result: the same lines, with the version, grade and place it was published with. */
    static ResultResponse of(PublishedResults.Shown s) {
        UnitResult r = s.result();
        ResultVersion v = s.version();
        Map<String, AssignmentFacts> facts = v.facts().live().stream()
                .collect(Collectors.toMap(AssignmentFacts::assignmentId, Function.identity()));
        return new ResultResponse(s.year(), r.unitCode(), r.unitName(), Categories.code(r.category()),
                r.category().zh() + " / " + r.category().en(), false, PUBLISHED,
                v.number() == 1 ? PUBLISHED_LABEL : REVISED_LABEL, RuleSetRef.of(s.ruleSet()),
                r.total(), r.displayTotal(), r.itemsBase(), r.base(), r.bonus(), r.deductions(), r.rating(),
                r.comprehensive(), r.vetoes().stream().map(VetoResponse::of).toList(),
                r.items().stream().map(i -> ItemResponse.of(i, facts.get(i.code()))).toList(),
                r.claims().stream().map(ClaimResponse::of).toList(), r.explanation(), v.number(),
                s.published().versions().stream().map(ResultVersion::number).toList(), v.grade().name(),
                v.grade().zh() + " / " + v.grade().en(), v.place(), v.placesInCategory(), v.at());
    }
}
