package cn.mubiao.target.plan.web;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.target.plan.domain.ScheduleCurve;
import cn.mubiao.target.plan.domain.Source;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Define a target of a draft plan with its decomposition (the whole split: a PUT replaces it). */
record TargetRequest(
        @NotBlank(message = "必填 / required") @Size(max = 200) String title,
        @NotBlank(message = "必填 / required") String category,
        Boolean binding,
        @NotNull(message = "必填 / required") IndicatorKind indicatorKind,
        @Size(max = 20) String unitOfMeasure,
        BigDecimal targetValue,
        BigDecimal baseline,
        @Size(max = 10) List<@Size(max = 50) String> leaders,
        @Size(max = 20) List<String> leadUnits,
        @Size(max = 50) List<String> coUnits,
        String monitorUnitCode,
        BigDecimal standardScore,
        @NotNull(message = "必填 / required") Frequency frequency,
        ScheduleCurve curve,
        List<BigDecimal> seasonalShares,
        @Size(max = 24) List<@Valid MilestoneBody> milestones,
        Source source,
        String provinceCode,
        @Size(max = 5000) List<@Valid AllocationBody> allocations) {

    record MilestoneBody(@NotNull(message = "必填 / required") LocalDate due,
                         @NotBlank(message = "必填 / required") @Size(max = 200) String title) {
    }

    /** One unit's part: {"unitCode":"410102","value":18,"standardScore":8}; parentUnitCode to split a part further. */
    record AllocationBody(@NotBlank(message = "必填 / required") String unitCode, String parentUnitCode, BigDecimal value,
                          BigDecimal standardScore, List<String> coUnits) {
    }
}
