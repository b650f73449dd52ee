package cn.mubiao.contracts.progress;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.LocalDate;

/**
 * A unit's report for a period was not submitted by its deadline: it counts as seriously lagging
 * (DOMAIN.md §4). Published at most once per assignment and period; it carries everything a reminder
 * needs, so its reader calls nobody.
 *
 * @param period        period code: {@code 2024}, {@code 2024S1}, {@code 2024Q3} or {@code 202407}
 * @param dueDate       the last day on which the report would have been on time
 * @param overdueSince  the first day the report was overdue ({@code dueDate} + 1)
 * @param daysOverdue   whole days past {@code dueDate} on the day the notice was decided (1 or more; more
 *                      when the notice was caught up after an outage)
 */
public record ReportOverdue(
        String assignmentId,
        String unitCode,
        String unitName,
        int year,
        String targetTitle,
        String period,
        LocalDate dueDate,
        LocalDate overdueSince,
        int daysOverdue) implements MubiaoEvent {

    public static final String TYPE = "mubiao.progress.ReportOverdue.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
