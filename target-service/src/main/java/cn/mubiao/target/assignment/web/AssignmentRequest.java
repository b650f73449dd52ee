package cn.mubiao.target.assignment.web;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** Assign a target to a responsible unit. */
record AssignmentRequest(
        @Size(max = 64) String planId,
        @NotNull(message = "必填 / required") Integer year,
        @NotBlank(message = "必填 / required") @Size(max = 32) String targetCode,
        @NotBlank(message = "必填 / required") @Size(max = 200) String targetTitle,
        @Size(max = 100) String category,
        @NotBlank(message = "必填 / required") String unitCode,
        @Size(max = 100) String unitName,
        List<@Size(max = 30) String> coUnitCodes,
        String monitorUnitCode,
        @NotNull(message = "必填 / required") IndicatorKind indicatorKind,
        @Size(max = 20) String unitOfMeasure,
        @DecimalMin(value = "0", inclusive = false, message = "须为正数 / must be positive") BigDecimal targetValue,
        @DecimalMin(value = "0", message = "不能为负数 / must not be negative") BigDecimal standardScore,
        @NotNull(message = "必填 / required") Frequency frequency,
        List<BigDecimal> seasonalShares,
        List<@Size(max = 50) String> leaders) {
}
