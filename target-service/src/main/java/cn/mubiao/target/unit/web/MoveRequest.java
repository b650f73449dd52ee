package cn.mubiao.target.unit.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Put a unit under another parent.
 *
 * @param newCode needed when the unit's code does not fit the new parent (the old unit is closed with it as
 *                its successor)
 * @param date    optional: the day the move takes effect (default today)
 */
record MoveRequest(
        String parentCode,
        String newCode,
        @NotBlank(message = "必填 / required") @Size(max = 500, message = "不超过500个字 / at most 500 characters") String reason,
        LocalDate date) {
}
