package cn.mubiao.target.assignment.web;

import jakarta.validation.constraints.Size;

/** The office's note on a decision (required when rejecting), or the reason of a withdrawal. */
record DecisionBody(@Size(max = 500) String note) {
}
