package cn.mubiao.progress.calendar.domain;

import java.time.Instant;

/**
 * That a period's report was submitted, and when.
 *
 * @param late whether it came after the period's deadline, as decided when it was submitted
 */
public record Submission(Instant at, boolean late) {
}
