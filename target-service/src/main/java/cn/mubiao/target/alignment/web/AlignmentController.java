package cn.mubiao.target.alignment.web;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.target.alignment.application.AlignWithProvince;
import cn.mubiao.target.alignment.application.RealignIssuedPlan;
import cn.mubiao.target.alignment.domain.Alignment;
import cn.mubiao.target.alignment.domain.ProvinceIndicator;
import cn.mubiao.target.plan.domain.Provenance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Provincial alignment (省市对接): the province's catalogue for a plan, imported as JSON or Excel, and the report
 * of matched and new indicators by area with the effective (stricter) value of each match. How much more the
 * province's targets weigh at year end (向省目标倾斜) is scoring's rule set's {@code provinceWeight}.
 */
@RestController
class AlignmentController {

    private final AlignWithProvince align;
    private final RealignIssuedPlan realign;

    AlignmentController(AlignWithProvince align, RealignIssuedPlan realign) {
        this.align = align;
        this.realign = realign;
    }

    /**
     * @param changed how many assignments were raised, over every target
     */
    record RealignmentResponse(String planId, int changed, List<RealignIssuedPlan.TargetRealignment> targets) {
    }

    record CatalogueRequest(@NotEmpty(message = "至少一项指标 / at least one indicator") @Size(max = 5000)
                            List<@Valid IndicatorBody> indicators) {
    }

    record IndicatorBody(String code, String area, String title, IndicatorKind indicatorKind, String unitOfMeasure,
                         BigDecimal targetValue, Boolean assessesCity) {
    }

    record AlignmentResponse(int total, int assessingCity, int matched, int fresh, List<Alignment.Area> areas,
                             List<MatchResponse> matches, List<ProvinceIndicator> freshIndicators,
                             List<String> unknownProvinceCodes) {
    }

    record MatchResponse(String provinceCode, String area, String provinceTitle, BigDecimal provinceValue,
                         String targetCode, String targetTitle, BigDecimal cityValue, BigDecimal effectiveValue,
                         Provenance provenance, String provenanceLabel) {
    }

    @PutMapping("/api/targets/plans/{planId}/province-catalogue")
    @PreAuthorize("hasRole('target-office')")
    AlignmentResponse put(@CurrentCaller Caller caller, @PathVariable String planId, @Valid @RequestBody CatalogueRequest r) {
        List<ProvinceIndicator> indicators = new java.util.ArrayList<>();
        for (int i = 0; i < r.indicators().size(); i++) {
            IndicatorBody b = r.indicators().get(i);
            try {
                indicators.add(new ProvinceIndicator(b.code(), b.area(), b.title(), b.indicatorKind(), b.unitOfMeasure(),
                        b.targetValue(), Boolean.TRUE.equals(b.assessesCity())));
            } catch (cn.mubiao.kit.domain.InvalidInput e) {
                throw new cn.mubiao.kit.domain.InvalidInput("indicators[" + i + "]." + e.field(), e.reason());
            }
        }
        return response(align.importCatalogue(caller, planId, indicators));
    }

    @PostMapping(value = "/api/targets/plans/{planId}/province-catalogue/import",
            consumes = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @PreAuthorize("hasRole('target-office')")
    AlignmentResponse importSheet(@CurrentCaller Caller caller, @PathVariable String planId, InputStream body) {
        return response(align.importSheet(caller, planId, body));
    }

    /**
     * An issued plan meets the province's stricter values (就高不就低) by changes ordered from above: every target the
     * province holds higher is raised, with its shares. Repeating it changes nothing more.
     */
    @PostMapping("/api/targets/plans/{planId}/province-alignment/orders")
    @PreAuthorize("hasRole('target-office')")
    RealignmentResponse realign(@CurrentCaller Caller caller, @PathVariable String planId) {
        var targets = realign.realign(caller, planId);
        return new RealignmentResponse(planId, targets.stream().mapToInt(t -> t.changes().size()).sum(), targets);
    }

    @GetMapping(value = "/api/targets/plans/{planId}/province-alignment", produces = MediaType.APPLICATION_JSON_VALUE)
    AlignmentResponse alignment(@CurrentCaller Caller caller, @PathVariable String planId) {
        return response(align.alignment(caller, planId));
    }

    private AlignmentResponse response(Alignment a) {
        return new AlignmentResponse(a.total(), a.assessingCity(), a.matched(), a.fresh().size(), a.areas(),
                a.matches().stream().map(m -> new MatchResponse(m.indicator().code(), m.indicator().area(),
                        m.indicator().title(), m.indicator().targetValue(), m.targetCode(), m.targetTitle(), m.cityValue(),
                        m.effectiveValue(), m.provenance(), m.provenance().label())).toList(),
                a.fresh(), a.unknownCodes());
    }
}
