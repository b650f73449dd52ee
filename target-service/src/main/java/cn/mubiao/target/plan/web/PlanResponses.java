package cn.mubiao.target.plan.web;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.target.Milestone;
import cn.mubiao.target.plan.application.PlanQueries;
import cn.mubiao.target.plan.domain.Category;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.domain.Provenance;
import cn.mubiao.target.plan.domain.ProvinceAlignment;
import cn.mubiao.target.plan.domain.ResponsibilityLetter;
import cn.mubiao.target.plan.domain.ScheduleCurve;
import cn.mubiao.target.plan.domain.Source;
import cn.mubiao.target.plan.domain.TargetDefinition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** The answers of the plan API. */
final class PlanResponses {

    private PlanResponses() {
    }

    record PageResponse<T>(List<T> items, int page, int size, long total) {
        static <S, T> PageResponse<T> of(PlanQueries.Page<S> p, Function<S, T> map) {
            return new PageResponse<>(p.items().stream().map(map).toList(), p.page(), p.size(), p.total());
        }
    }

    record PlanResponse(String id, String issuerUnitCode, int year, String title, List<Category> categories,
                        String status, String statusLabel, LocalDate adjustmentDeadline, Instant issuedAt, long version) {
        static PlanResponse of(Plan p) {
            return new PlanResponse(p.id(), p.issuerUnitCode(), p.year(), p.title(), p.categories(), p.status().name(),
                    p.status().label(), p.adjustmentDeadline(), p.issuedAt(), p.version());
        }
    }

    record HolderResponse(String assignmentId, String unitCode, String parentUnitCode, String role, BigDecimal value,
                          BigDecimal standardScore, List<String> coUnits) {
    }

    record TargetResponse(String id, String planId, String code, String title, String category, boolean binding,
                          IndicatorKind indicatorKind, String unitOfMeasure, BigDecimal targetValue, BigDecimal baseline,
                          List<String> leaders, List<String> leadUnits, List<String> coUnits, String monitorUnitCode,
                          BigDecimal standardScore, Frequency frequency, ScheduleCurve curve,
                          List<BigDecimal> seasonalShares, List<Milestone> milestones, Source source, String provinceCode,
                          AlignmentResponse provinceAlignment, List<HolderResponse> holders, long version) {
        static TargetResponse of(PlanQueries.VisibleTarget v) {
            PlannedTarget t = v.target();
            TargetDefinition d = t.definition();
            return new TargetResponse(t.id(), t.planId(), d.code(), d.title(), d.category(), d.binding(), d.kind(),
                    d.unitOfMeasure(), d.targetValue(), d.baseline(), d.leaders(), d.leadUnits(), d.coUnits(),
                    d.monitorUnitCode(), d.standardScore(), d.frequency(), d.curve(), d.seasonalShares(), d.milestones(),
                    d.source(), d.provinceCode(), t.provinceAlignment().map(AlignmentResponse::of).orElse(null),
                    v.holders().stream().map(n -> new HolderResponse(PlannedTarget.assignmentIdOf(t.id(), n.unitCode()),
                            n.unitCode(), n.parentUnitCode(), n.role().name(), n.value(), n.standardScore(), n.coUnits())).toList(),
                    t.version());
        }
    }

    /**
     * How a target answering a province indicator compares with it (就高不就低): {@code targetValue} of the target is
     * the city's own, {@code effectiveValue} the one its holders are assessed against.
     */
    record AlignmentResponse(String provinceCode, BigDecimal provinceValue, BigDecimal cityValue,
                             BigDecimal effectiveValue, Provenance provenance, String provenanceLabel) {
        static AlignmentResponse of(ProvinceAlignment a) {
            return new AlignmentResponse(a.province().code(), a.province().value(), a.cityValue(), a.effectiveValue(),
                    a.provenance(), a.provenance().label());
        }
    }

    record LetterResponse(String id, String planId, String unitCode, List<String> assignmentIds, BigDecimal totalScore,
                          Instant issuedAt, Instant acknowledgedAt, String acknowledgedBy) {
        static LetterResponse of(ResponsibilityLetter l) {
            return new LetterResponse(l.id(), l.planId(), l.unitCode(), l.assignmentIds(), l.totalScore(), l.issuedAt(),
                    l.acknowledgedAt(), l.acknowledgedBy());
        }
    }
}
