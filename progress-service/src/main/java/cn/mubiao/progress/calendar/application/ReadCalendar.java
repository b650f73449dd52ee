package cn.mubiao.progress.calendar.application;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import cn.mubiao.progress.calendar.domain.ReportingCalendar.PeriodStatus;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** Reads an assignment's reporting calendar within the caller's scope, as reports are read. */
@Component
public class ReadCalendar {

    private final AssignmentStore assignments;
    private final ReportedPeriods reported;
    private final Calendars calendars;

    ReadCalendar(AssignmentStore assignments, ReportedPeriods reported, Calendars calendars) {
        this.assignments = assignments;
        this.reported = reported;
        this.calendars = calendars;
    }

    /** An assignment's periods and where each stands {@code today}. */
    public record AssignmentCalendar(Assignment assignment, LocalDate today, List<PeriodStatus> periods) {
    }

    public AssignmentCalendar of(Caller caller, String assignmentId) {
        Assignment a = assignments.find(assignmentId)
                .filter(found -> caller.sees(found.relations()))
                .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
        LocalDate today = calendars.today();
        return new AssignmentCalendar(a, today, calendars.of(a).on(today, reported.of(a)));
    }
}
