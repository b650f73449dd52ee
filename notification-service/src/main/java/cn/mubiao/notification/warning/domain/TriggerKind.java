package cn.mubiao.notification.warning.domain;

/**
 * The kinds of notification a person can switch channels on and off for (preferences), one per trigger.
 */
public enum TriggerKind {
    /** 预警: a yellow or red lag status ({@code StatusChanged}). */
    WARNING("预警"),
    /** 提醒: a report is due soon ({@code ReportDue}). */
    REMINDER("报送提醒"),
    /** 逾期: a report was not submitted by its deadline ({@code ReportOverdue}). */
    OVERDUE("逾期未报"),
    /** 退回: the monitoring unit returned a report ({@code ProgressReturned}). */
    RETURNED("报告退回");

    private final String zh;

    TriggerKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
