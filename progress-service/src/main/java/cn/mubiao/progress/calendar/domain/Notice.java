package cn.mubiao.progress.calendar.domain;

import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.progress.assignment.domain.Assignment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A reminder owed to a unit for one period of one assignment: {@code ReportDue} before the deadline or
 * {@code ReportOverdue} after it. Each is sent at most once: its {@link #id()} is the same whenever and
 * wherever it is decided, and storing it records its event.
 *
 * @param decidedOn the day the notice was found owed
 */
public record Notice(String assignmentId, String period, Kind kind, LocalDate dueDate, LocalDate decidedOn,
                     MubiaoEvent event) {

    public enum Kind { DUE, OVERDUE }

    static Notice due(Assignment a, CalendarPeriod p, LocalDate today) {
        return new Notice(a.assignmentId(), p.period().code(), Kind.DUE, p.dueDate(), today,
                new ReportDue(a.assignmentId(), a.unitCode(), a.unitName(), a.year(), a.targetTitle(), p.period().code(),
                        p.dueDate(), (int) ChronoUnit.DAYS.between(today, p.dueDate())));
    }

    static Notice overdue(Assignment a, CalendarPeriod p, LocalDate today) {
        return new Notice(a.assignmentId(), p.period().code(), Kind.OVERDUE, p.dueDate(), today,
                new ReportOverdue(a.assignmentId(), a.unitCode(), a.unitName(), a.year(), a.targetTitle(),
                        p.period().code(), p.dueDate(), p.overdueSince(), (int) ChronoUnit.DAYS.between(p.dueDate(), today)));
    }

    /** {@code assignmentId|period|kind}: one notice of a kind per assignment and period, ever. */
    public String id() {
        return idOf(assignmentId, period, kind);
    }

    public static String idOf(String assignmentId, String period, Kind kind) {
        return assignmentId + "|" + period + "|" + kind;
    }

    /** The event that sending this notice publishes. */
    public List<MubiaoEvent> pendingEvents() {
        return List.of(event);
    }
}
