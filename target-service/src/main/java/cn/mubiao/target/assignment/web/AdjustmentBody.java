package cn.mubiao.target.assignment.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** Ask for, or order, a change of an assignment: a new value and/or standard score, and why. */
record AdjustmentBody(BigDecimal value, BigDecimal standardScore,
                      @NotBlank(message = "须说明理由 / a reason is required") @Size(max = 500) String reason) {
}
