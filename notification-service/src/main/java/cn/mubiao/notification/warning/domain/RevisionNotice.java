package cn.mubiao.notification.warning.domain;

import cn.mubiao.contracts.scoring.ResultRevised;

/**
 * 复议结果: the texts telling a unit's leaders that an appeal changed its published result — the new total, grade and
 * place, and how many lines changed — Chinese first and English second; the SMS fits two parts.
 */
public final class RevisionNotice {

    private RevisionNotice() {
    }

    public static Notice of(ResultRevised e, String recipientName, String consoleUrl) {
        String unit = Texts.orElse(e.unitName(), e.unitCode());
        String grade = Texts.zh(e.gradeLabel());
        String place = e.place() == null ? "不排名次" : "第%d名".formatted(e.place());
        String previous = e.previousTotal() == null ? "—" : e.previousTotal().stripTrailingZeros().toPlainString();
        String subject = "【复议结果】%s%d年度目标考核：%s分（原%s分），%s".formatted(unit, e.year(), e.displayTotal(), previous, grade);
        String sms = Texts.SMS_SIGNATURE + "%s%d年度考核复议已决定，结果改为第%d版：总分%s（原%s），%s，%s。"
                .formatted(Texts.abbreviate(unit, 12), e.year(), e.toVersion(), e.displayTotal(), previous, grade, place);
        String link = consoleUrl + "/scoring/results/" + e.year() + "/" + e.unitCode() + "?version=" + e.toVersion();
        StringBuilder lines = new StringBuilder();
        for (ResultRevised.Change c : e.changes()) {
            lines.append("  ").append(Texts.zh(c.label())).append("：")
                    .append(c.before() == null ? "（新增）" : c.before()).append(" → ")
                    .append(c.after() == null ? "（删除）" : c.after()).append('\n');
        }
        String body = """
                %s：

                %s%d年度目标管理考核第%d号复议已由目标办决定，考核结果由第%d版改为第%d版。
                总分：%s（原%s）
                等次：%s
                名次：%s
                变动明细：
                %s%s
                明细：%s

                ---
                Appeal %d on the %d assessment of %s was decided: the result is now version %d (was %d), total %s
                (was %s), %s. %d line(s) changed. Details: %s
                """.formatted(recipientName, unit, e.year(), e.appeal(), e.fromVersion(), e.toVersion(), e.displayTotal(),
                previous, grade, place, lines, e.note() == null || e.note().isBlank() ? "" : "决定说明：" + e.note() + "\n",
                link, e.appeal(), e.year(), unit, e.toVersion(), e.fromVersion(), e.displayTotal(), previous,
                Texts.en(e.gradeLabel()), e.changes().size(), link);
        return new Notice(subject, body, sms);
    }
}
