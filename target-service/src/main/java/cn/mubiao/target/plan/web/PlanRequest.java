package cn.mubiao.target.plan.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Draft or re-describe an annual plan. */
record PlanRequest(
        @NotBlank(message = "必填 / required") String issuerUnitCode,
        @NotNull(message = "必填 / required") Integer year,
        @NotBlank(message = "必填 / required") @Size(max = 100) String title,
        @NotEmpty(message = "至少一个目标类别 / at least one category") @Size(max = 30) List<@Valid CategoryBody> categories,
        LocalDate adjustmentDeadline) {

    /** A category of targets, e.g. {"code":"LEAP","name":"跨越式发展目标"}. */
    record CategoryBody(@NotBlank(message = "必填 / required") String code, @NotBlank(message = "必填 / required") String name) {
    }
}
