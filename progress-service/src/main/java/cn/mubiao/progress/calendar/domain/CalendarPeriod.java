package cn.mubiao.progress.calendar.domain;

import cn.mubiao.contracts.Period;

import java.time.LocalDate;

/**
 * One period of a reporting calendar with its dates.
 *
 * @param dueDate  the last day on which the report is on time
 * @param remindOn the first day the reminder is owed: {@code remindDaysBefore} before the deadline, but not
 *                 before the period begins
 */
public record CalendarPeriod(Period period, LocalDate dueDate, LocalDate remindOn) {

    static CalendarPeriod of(Period period, CalendarRules rules) {
        LocalDate due = period.dueDate(rules.dueDay());
        LocalDate remind = due.minusDays(rules.remindDaysBefore());
        return new CalendarPeriod(period, due, remind.isBefore(period.firstDay()) ? period.firstDay() : remind);
    }

    /**
     * The period's state on {@code today}.
     *
     * @param submission its submitted report, or {@code null} when there is none
     */
    public PeriodState stateOn(LocalDate today, Submission submission) {
        if (submission != null) {
            return submission.late() ? PeriodState.REPORTED_LATE : PeriodState.REPORTED;
        }
        if (today.isBefore(period.firstDay())) {
            return PeriodState.UPCOMING;
        }
        if (today.isAfter(dueDate)) {
            return PeriodState.OVERDUE;
        }
        return today.isBefore(remindOn) ? PeriodState.OPEN : PeriodState.DUE_SOON;
    }

    /** The first day the report is overdue. */
    public LocalDate overdueSince() {
        return dueDate.plusDays(1);
    }
}
