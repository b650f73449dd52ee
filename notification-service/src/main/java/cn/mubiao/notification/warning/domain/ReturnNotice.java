package cn.mubiao.notification.warning.domain;

import cn.mubiao.contracts.progress.ProgressReturned;

/**
 * The texts telling a reporter that the monitoring unit returned their report (退回), Chinese first and English
 * second; the SMS fits two parts.
 */
public final class ReturnNotice {

    private ReturnNotice() {
    }

    public static Notice of(ProgressReturned e, String recipientName, String consoleUrl) {
        String period = Texts.periodLabel(e.period());
        String unit = Texts.orElse(e.unitName(), e.unitCode());
        String target = Texts.orElse(e.targetTitle(), e.assignmentId());
        String subject = "【报告退回】%s“%s”%s进度报告".formatted(unit, target, period);
        String sms = Texts.SMS_SIGNATURE + "%s“%s”%s进度报告被监控单位退回：%s。请补充后提交更正。"
                .formatted(unit, Texts.abbreviate(target, 20), period, Texts.abbreviate(e.reason(), 40));
        String link = consoleUrl + "/progress/reports/" + e.reportId();
        String body = """
                %s：

                您报送的%s“%s”%s进度报告（第%d版）已被监控单位（%s）退回。
                退回原因：%s

                请补充材料或修正数据后提交更正（更正会保留原报告，作为新版本）。
                详情：%s

                ---
                Your progress report on "%s" for %s (version %d) was returned by the monitoring unit (%s): %s
                Please correct it; the correction is kept as a new version. Details: %s
                """.formatted(recipientName, unit, target, period, e.reportVersion(), e.returnerUnitCode(), e.reason(),
                link, target, e.period(), e.reportVersion(), e.returnerUnitCode(), e.reason(), link);
        return new Notice(subject, body, sms);
    }
}
