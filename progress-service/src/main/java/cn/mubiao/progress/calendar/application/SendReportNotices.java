package cn.mubiao.progress.calendar.application;

import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import cn.mubiao.progress.calendar.domain.Notice;
import cn.mubiao.progress.calendar.domain.ReportingCalendar;
import cn.mubiao.progress.calendar.persistence.NoticeStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sends the {@code ReportDue} and {@code ReportOverdue} notices owed today, each once: scans the active
 * assignments in batches, asks the calendar which notices the dates call for, drops those already stored
 * (looked up by id), reads the reports only of assignments still owed something, and stores each owed notice
 * together with its event. A notice stored before, by an earlier run or another instance, is not sent again.
 */
@Component
class SendReportNotices {

    private final AssignmentStore assignments;
    private final ActiveAssignments active;
    private final ReportedPeriods reported;
    private final NoticeStore notices;
    private final Outbox outbox;
    private final Calendars calendars;
    private final CalendarProperties settings;

    SendReportNotices(AssignmentStore assignments, ActiveAssignments active, ReportedPeriods reported, NoticeStore notices,
                      Outbox outbox, Calendars calendars, CalendarProperties settings) {
        this.assignments = assignments;
        this.active = active;
        this.reported = reported;
        this.notices = notices;
        this.outbox = outbox;
        this.calendars = calendars;
        this.settings = settings;
    }

    /** @return how many notices this run sent */
    int runOnce() {
        LocalDate today = calendars.today();
        int[] sent = {0};
        assignments.forEachBatch(settings.scanBatch(), batch -> sent[0] += send(batch, today));
        return sent[0];
    }

    private record Candidate(ReportingCalendar calendar, List<Notice> calledFor) {
    }

    private int send(List<Assignment> batch, LocalDate today) {
        List<Candidate> candidates = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Assignment a : batch) {
            if (!active.test(a)) {
                continue;
            }
            ReportingCalendar calendar = calendars.of(a);
            List<Notice> calledFor = calendar.noticesCalledFor(today);
            if (!calledFor.isEmpty()) {
                candidates.add(new Candidate(calendar, calledFor));
                calledFor.forEach(n -> ids.add(n.id()));
            }
        }
        Set<String> stored = notices.stored(ids);
        int sent = 0;
        for (Candidate c : candidates) {
            if (c.calledFor().stream().allMatch(n -> stored.contains(n.id()))) {
                continue;
            }
            for (Notice n : c.calendar().noticesOwed(today, reported.of(c.calendar().assignment()))) {
                if (stored.contains(n.id())) {
                    continue;
                }
                List<OutboxEntry> entries = outbox.entries(n.pendingEvents());
                if (notices.insert(n, entries)) {
                    outbox.written(NoticeStore.COLLECTION, n.id(), entries);
                    sent++;
                }
            }
        }
        return sent;
    }
}
