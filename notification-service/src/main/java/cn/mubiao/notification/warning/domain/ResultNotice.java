package cn.mubiao.notification.warning.domain;

import cn.mubiao.contracts.scoring.AssessmentPublished;

/**
 * 考核结果: the texts telling a unit's leaders its published year-end result — total, grade and place in its
 * category — Chinese first and English second; the SMS fits two parts.
 */
public final class ResultNotice {

    private ResultNotice() {
    }

    public static Notice of(AssessmentPublished e, String recipientName, String consoleUrl) {
        String unit = Texts.orElse(e.unitName(), e.unitCode());
        String grade = Texts.zh(e.gradeLabel());
        String place = e.vetoed() || e.place() == null ? "一票否决，不排名次"
                : "%s类第%d名（共%d个）".formatted(category(e.category()), e.place(), e.placesInCategory());
        String placeEn = e.vetoed() || e.place() == null ? "vetoed, no place"
                : "place %d of %d in its category".formatted(e.place(), e.placesInCategory());
        String subject = "【考核结果】%s%d年度目标考核：%s分，%s".formatted(unit, e.year(), e.displayTotal(), grade);
        String sms = Texts.SMS_SIGNATURE + "%s%d年度目标考核结果已公布：总分%s，%s，%s。对结果有异议的可在规定期限内申请复议。"
                .formatted(Texts.abbreviate(unit, 12), e.year(), e.displayTotal(), grade, place);
        String link = consoleUrl + "/scoring/results/" + e.year() + "/" + e.unitCode();
        String body = """
                %s：

                %s%d年度目标管理考核结果已公布（第%d版）。
                总分：%s
                等次：%s
                名次：%s
                每一分的来源（各项目标得分、加减分、评议）可在结果明细中查看；对结果有异议的，可在规定期限内申请复议。
                明细：%s

                ---
                The %d year-end assessment of %s was published (version %d): total %s, %s, %s.
                Every point is explained in the result; an appeal may be filed within the set period. Details: %s
                """.formatted(recipientName, unit, e.year(), e.version(), e.displayTotal(), grade, place, link,
                e.year(), unit, e.version(), e.displayTotal(), Texts.en(e.gradeLabel()), placeEn, link);
        return new Notice(subject, body, sms);
    }

    private static String category(String code) {
        return switch (code == null ? "" : code) {
            case "DEPARTMENTS" -> "部门";
            case "TOWNS" -> "镇乡";
            case "STREETS" -> "街道";
            default -> "同";
        };
    }
}
