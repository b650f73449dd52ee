package cn.mubiao.progress.calendar.web;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.progress.calendar.application.ReadCalendar.AssignmentCalendar;
import cn.mubiao.progress.calendar.domain.PeriodState;
import cn.mubiao.progress.calendar.domain.ReportingCalendar.PeriodStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An assignment's reporting calendar as the API shows it; {@code today} is the day the states are for. */
record CalendarResponse(String assignmentId, String unitCode, String unitName, int year, String targetTitle,
                        Frequency frequency, LocalDate today, List<PeriodResponse> periods) {

    /** {@code reportedAt} and {@code late} are null while the period is not reported. */
    record PeriodResponse(String period, LocalDate firstDay, LocalDate lastDay, LocalDate dueDate, LocalDate remindOn,
                          PeriodState state, Instant reportedAt, Boolean late) {

        static PeriodResponse of(PeriodStatus s) {
            var p = s.period();
            var submission = s.submission();
            return new PeriodResponse(p.period().code(), p.period().firstDay(), p.period().lastDay(), p.dueDate(),
                    p.remindOn(), s.state(), submission == null ? null : submission.at(),
                    submission == null ? null : submission.late());
        }
    }

    static CalendarResponse of(AssignmentCalendar c) {
        var a = c.assignment();
        return new CalendarResponse(a.assignmentId(), a.unitCode(), a.unitName(), a.year(), a.targetTitle(), a.frequency(),
                c.today(), c.periods().stream().map(PeriodResponse::of).toList());
    }
}
