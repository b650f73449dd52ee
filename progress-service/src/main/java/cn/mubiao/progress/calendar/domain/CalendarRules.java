package cn.mubiao.progress.calendar.domain;

/**
 * The settings a reporting calendar is built from.
 *
 * @param dueDay              days after a period's end by which its report is due (5: the 5th of the next month)
 * @param remindDaysBefore    how many days before the deadline the reminder becomes owed (3: from the 2nd)
 * @param overdueCatchUpDays  how long after a deadline a missed overdue notice is still sent (after an outage);
 *                            older deadlines get none, so a plan issued mid-year or a first start on old data
 *                            does not flood units with notices for long-past periods
 */
public record CalendarRules(int dueDay, int remindDaysBefore, int overdueCatchUpDays) {

    public CalendarRules {
        if (dueDay < 0 || remindDaysBefore < 0 || overdueCatchUpDays < 1) {
            throw new IllegalArgumentException("dueDay and remindDaysBefore must be >= 0 and overdueCatchUpDays >= 1, not "
                    + dueDay + ", " + remindDaysBefore + ", " + overdueCatchUpDays);
        }
    }
}
