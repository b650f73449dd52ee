package cn.mubiao.progress.report.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A monthly (or quarterly …) progress report as a reporter submits it. */
record SubmitReportRequest(
        @NotBlank(message = "必填 / required") @Size(max = 100) String assignmentId,
        @NotBlank(message = "必填 / required")
        @Pattern(regexp = "[0-9]{4}([0-9]{2}|Q[1-4]|S[12])?", message = "报告期代码应如202407、2024Q3、2024S1、2024 / a period code such as 202407")
        String period,
        @NotNull(message = "必填 / required") @DecimalMin(value = "0", message = "不能为负数 / must not be negative")
        @Digits(integer = 15, fraction = 6, message = "数值过大或小数位过多 / too large or too many decimals")
        BigDecimal cumulativeActual,
        @Valid NarrativeRequest narrative) {

    record NarrativeRequest(@Size(max = 4000) String progress, @Size(max = 4000) String problems,
                            @Size(max = 4000) String measures) {
    }
}
