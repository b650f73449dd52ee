package cn.mubiao.notification.warning.domain;

import cn.mubiao.contracts.progress.ReportDue;

/** 提醒: the texts reminding a unit's reporters that a report is due soon (目标完成提醒制度). */
public final class ReminderNotice {

    private ReminderNotice() {
    }

    public static Notice of(ReportDue e, String recipientName, String consoleUrl) {
        String period = Texts.periodLabel(e.period());
        String unit = Texts.orElse(e.unitName(), e.unitCode());
        String target = Texts.orElse(e.targetTitle(), e.assignmentId());
        String due = Texts.dayLabel(e.dueDate());
        String left = e.daysLeft() <= 0 ? "今天截止" : "还有" + e.daysLeft() + "天";
        String subject = "【报送提醒】%s“%s”%s进度报告将于%s截止".formatted(unit, target, period, due);
        String sms = Texts.SMS_SIGNATURE + "提醒：%s“%s”%s进度报告将于%s截止（%s），请按时报送。"
                .formatted(unit, Texts.abbreviate(target, 20), period, due, left);
        String link = consoleUrl + "/progress/reports?assignmentId=" + e.assignmentId();
        String body = """
                %s：

                %s的目标“%s”%s的进度报告尚未报送，报送截止日期为%s（%s）。
                请按时报送完成情况、存在问题和下步措施，并上传佐证材料；逾期未报按严重滞后计。
                报送：%s

                ---
                Reminder: the progress report of %s on "%s" for %s is due on %s and has not been submitted yet.
                A report missing after the deadline counts as seriously lagging. Report here: %s
                """.formatted(recipientName, unit, target, period, due, left, link,
                unit, target, e.period(), e.dueDate(), link);
        return new Notice(subject, body, sms);
    }
}
