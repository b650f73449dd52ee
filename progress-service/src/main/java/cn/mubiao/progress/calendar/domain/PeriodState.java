package cn.mubiao.progress.calendar.domain;

/** Where a period of an assignment's reporting calendar stands on a given day. */
public enum PeriodState {
    /** The period has not begun: nothing can be reported yet. */
    UPCOMING,
    /** The period has begun and its reminder date is still ahead: reportable, nothing pressing. */
    OPEN,
    /** From the reminder date to the deadline (both included), not reported. */
    DUE_SOON,
    /** The deadline has passed and nothing was reported: counts as seriously lagging. */
    OVERDUE,
    /** Reported by the deadline. */
    REPORTED,
    /** Reported, but after the deadline. */
    REPORTED_LATE
}
