package cn.mubiao.progress.calendar.domain;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.Period;
import cn.mubiao.progress.assignment.domain.Assignment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An assignment's reporting calendar (DOMAIN.md §4): the periods of its year at its frequency, each with its
 * deadline and reminder date, where each stands on a given day, and which reminders are owed.
 *
 * <p>The notice rule, for a period without a submitted report: {@code ReportDue} from the reminder date to the
 * deadline, {@code ReportOverdue} from the day after the deadline for {@code overdueCatchUpDays}. A reminder
 * missed altogether (the service was down until after the deadline) is not sent late: the overdue notice
 * takes its place. Owed is not sent: whether a notice already went out is the store's to know.
 */
public final class ReportingCalendar {

    private final Assignment assignment;
    private final CalendarRules rules;
    private final List<CalendarPeriod> periods;

    private ReportingCalendar(Assignment assignment, CalendarRules rules, List<CalendarPeriod> periods) {
        this.assignment = assignment;
        this.rules = rules;
        this.periods = periods;
    }

    public static ReportingCalendar of(Assignment assignment, CalendarRules rules) {
        List<CalendarPeriod> periods = new ArrayList<>();
        for (Period period : Period.ofYear(assignment.year(), assignment.frequency())) {
            periods.add(CalendarPeriod.of(period, rules));
        }
        return new ReportingCalendar(assignment, rules, List.copyOf(periods));
    }

    public Assignment assignment() {
        return assignment;
    }

    public List<CalendarPeriod> periods() {
        return periods;
    }

    /** A period and where it stands; {@code submission} is {@code null} when nothing was reported. */
    public record PeriodStatus(CalendarPeriod period, PeriodState state, Submission submission) {
    }

    /**
     * Every period and its state on {@code today}.
     *
     * @param reported the submitted reports by period code
     */
    public List<PeriodStatus> on(LocalDate today, Map<String, Submission> reported) {
        return periods.stream().map(p -> {
            Submission s = reported.get(p.period().code());
            return new PeriodStatus(p, p.stateOn(today, s), s);
        }).toList();
    }

    /**
     * The notices the dates alone call for on {@code today}: owed unless their period is reported. Lets the
     * caller skip looking up reports when nothing could be owed, or everything was sent already.
     */
    public List<Notice> noticesCalledFor(LocalDate today) {
        List<Notice> notices = new ArrayList<>();
        for (CalendarPeriod p : periods) {
            if (!today.isBefore(p.remindOn()) && !today.isAfter(p.dueDate())) {
                notices.add(Notice.due(assignment, p, today));
            } else if (today.isAfter(p.dueDate()) && !today.isAfter(p.dueDate().plusDays(rules.overdueCatchUpDays()))) {
                notices.add(Notice.overdue(assignment, p, today));
            }
        }
        return notices;
    }

    /**
     * The notices owed on {@code today}: those the dates call for whose period has no submitted report.
     *
     * @param reported the submitted reports by period code
     */
    public List<Notice> noticesOwed(LocalDate today, Map<String, Submission> reported) {
        return noticesCalledFor(today).stream().filter(n -> !reported.containsKey(n.period())).toList();
    }
}
