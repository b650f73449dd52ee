package cn.mubiao.contracts.progress;

import cn.mubiao.contracts.MubiaoEvent;

import java.time.LocalDate;

/**
 * A unit's report for a period is due soon and not yet submitted (目标完成提醒). Published at most once per
 * assignment and period, from the reminder date until the deadline; it carries everything a reminder needs,
 * so its reader calls nobody.
 *
 * @param period   period code: {@code 2024}, {@code 2024S1}, {@code 2024Q3} or {@code 202407}
 * @param dueDate  the last day on which the report is on time
 * @param daysLeft whole days from the day the reminder was decided to {@code dueDate} (0: due today)
 */
public record ReportDue(
        String assignmentId,
        String unitCode,
        String unitName,
        int year,
        String targetTitle,
        String period,
        LocalDate dueDate,
        int daysLeft) implements MubiaoEvent {

    public static final String TYPE = "mubiao.progress.ReportDue.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return assignmentId;
    }
}
