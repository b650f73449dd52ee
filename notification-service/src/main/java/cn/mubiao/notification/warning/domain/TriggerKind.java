package cn.mubiao.notification.warning.domain;

/**
 * The kinds of notification a person can switch channels on and off for (preferences), one per trigger.
 */
public enum TriggerKind {
    /** 预警: a yellow or red lag status ({@code StatusChanged}). */
    WARNING("预警", true),
    /** 提醒: a report is due soon ({@code ReportDue}). */
    REMINDER("报送提醒", false),
    /** 逾期: a report was not submitted by its deadline ({@code ReportOverdue}). */
    OVERDUE("逾期未报", false),
    /** 退回: the monitoring unit returned a report ({@code ProgressReturned}). */
    RETURNED("报告退回", false),
    /** 专题督导: red in two consecutive periods, to the next level's target office and leaders ({@code EscalationRaised}). */
    ESCALATION("专题督导", false),
    /**
     * 考核结果: a unit's year-end result was published ({@code AssessmentPublished}) or changed on appeal
     * ({@code ResultRevised}), to its leaders.
     */
    ASSESSMENT("考核结果", false),
    /**
     * 定期通报: the monthly and quarterly bulletin of a government, by email only (an HTML table and the PDF), to its
     * target office and leaders and the leaders of each unit it lists; once per bulletin, recipient and channel.
     */
    BULLETIN("定期通报", false);

    private final String zh;
    private final boolean floodLimited;

    TriggerKind(String zh, boolean floodLimited) {
        this.zh = zh;
        this.floodLimited = floodLimited;
    }

    /**
     * Whether a flood of this kind for one assignment and period is cut to one message per recipient and channel (a
     * status that flaps; reminders, overdue notices and returns come once per period or report version already, an
     * escalation once per assignment and second period, a result once per unit and version).
     */
    public boolean floodLimited() {
        return floodLimited;
    }

    public String zh() {
        return zh;
    }
}
