package cn.mubiao.notification.warning.domain;

import cn.mubiao.contracts.progress.ReportOverdue;

/** 逾期: the texts telling a unit's reporters and leader that a report was not submitted by its deadline. */
public final class OverdueNotice {

    private OverdueNotice() {
    }

    public static Notice of(ReportOverdue e, String recipientName, String consoleUrl) {
        String period = Texts.periodLabel(e.period());
        String unit = Texts.orElse(e.unitName(), e.unitCode());
        String target = Texts.orElse(e.targetTitle(), e.assignmentId());
        String due = Texts.dayLabel(e.dueDate());
        String subject = "【逾期未报】%s“%s”%s进度报告已逾期%d天".formatted(unit, target, period, e.daysOverdue());
        String sms = Texts.SMS_SIGNATURE + "逾期：%s“%s”%s进度报告%s截止，已逾期%d天未报送，按严重滞后计，请立即补报。"
                .formatted(unit, Texts.abbreviate(target, 20), period, due, e.daysOverdue());
        String link = consoleUrl + "/progress/reports?assignmentId=" + e.assignmentId();
        String body = """
                %s：

                %s的目标“%s”%s的进度报告截止日期为%s，至今已逾期%d天未报送。
                逾期未报按严重滞后（红色）计，请立即组织补报并说明原因。
                补报：%s

                ---
                Overdue: the progress report of %s on "%s" for %s was due on %s and is %d day(s) late.
                A missing report counts as seriously lagging; please report now: %s
                """.formatted(recipientName, unit, target, period, due, e.daysOverdue(), link,
                unit, target, e.period(), e.dueDate(), e.daysOverdue(), link);
        return new Notice(subject, body, sms);
    }
}
