package cn.mubiao.notification.warning.domain;

import cn.mubiao.contracts.scoring.EscalationRaised;

/**
 * 专题督导: the texts telling the next level's target office and leaders that an assignment was seriously lagging in
 * two consecutive periods (DOMAIN.md §4, seed 001), Chinese first and English second; the SMS fits two parts.
 */
public final class EscalationNotice {

    private EscalationNotice() {
    }

    public static Notice of(EscalationRaised e, String recipientName, String consoleUrl) {
        String periods = Texts.periodLabel(e.previousPeriod()) + "、" + Texts.periodLabel(e.period());
        String unit = Texts.orElse(e.unitName(), e.unitCode());
        String target = Texts.orElse(e.targetTitle(), e.assignmentId());
        String done = Texts.pct(e.completion());
        String expected = Texts.pct(e.expectedShare());
        String subject = "【专题督导】%s“%s”连续两期严重滞后（%s）".formatted(unit, target, periods);
        String sms = Texts.SMS_SIGNATURE + "专题督导：%s“%s”%s连续两期严重滞后，最近一期完成%s%%，序时进度%s%%，请组织专题督导。"
                .formatted(Texts.abbreviate(unit, 12), Texts.abbreviate(target, 20), periods, done, expected);
        String link = consoleUrl + "/targets/assignments/" + e.assignmentId();
        String body = """
                %s：

                %s承担的目标“%s”%s在%s连续两期严重滞后（红色预警）。
                最近一期（%s）：完成率%s%%，序时进度%s%%，差距%s个百分点。%s
                按照目标管理制度，连续两期红色预警的目标提请上一级目标办和分管领导专题督导，请督促责任单位查明原因、限期整改。
                详情：%s

                ---
                Escalation (专题督导): "%s" of %s was seriously lagging in two consecutive periods (%s and %s).
                Latest: %s%% done against a schedule of %s%% (%s points behind). As the next level's target office or
                leader, please follow it up with the unit. Details: %s
                """.formatted(recipientName, unit, target, e.targetCode() == null ? "" : "（" + e.targetCode() + "）",
                periods, Texts.periodLabel(e.period()), done, expected, Texts.points(e.gapPoints()), e.reason(), link,
                target, unit, e.previousPeriod(), e.period(), done, expected, Texts.points(e.gapPoints()), link);
        return new Notice(subject, body, sms);
    }
}
