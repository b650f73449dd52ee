package cn.mubiao.target.unit.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Close a unit (撤销、合并).
 *
 * @param successor the unit that takes over, if any
 */
record CloseRequest(
        @NotNull(message = "必填 / required") LocalDate date,
        String successor,
        @NotBlank(message = "必填 / required") @Size(max = 500, message = "不超过500个字 / at most 500 characters") String reason) {
}
