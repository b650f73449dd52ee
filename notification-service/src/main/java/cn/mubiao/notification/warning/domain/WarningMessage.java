package cn.mubiao.notification.warning.domain;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.scoring.StatusChanged;

import java.math.BigDecimal;

/** 预警: the texts of a lag warning, Chinese first and English second. */
public final class WarningMessage {

    private WarningMessage() {
    }

    public static Notice of(StatusChanged e, String recipientName, String consoleUrl) {
        String period = Texts.periodLabel(e.period());
        String level = e.status() == LagStatus.SERIOUSLY_LAGGING ? "红色预警" : "黄色预警";
        String unit = e.unitName() != null ? e.unitName() : e.unitCode();
        String subject = "【目标预警·%s】%s“%s”%s%s".formatted(level, unit, e.targetTitle(), period, e.status().zh());
        // no actual: nothing was reported by the deadline (DOMAIN.md §4 counts that as seriously lagging)
        String sms = e.actual() == null
                ? Texts.SMS_SIGNATURE + "%s“%s”%s逾期未报，按%s预警（序时进度%s%%），请尽快报送。"
                .formatted(unit, Texts.abbreviate(e.targetTitle(), 20), period, e.status().zh(), Texts.pct(e.expectedShare()))
                : Texts.SMS_SIGNATURE + "%s“%s”%s%s：完成%s%%，序时进度%s%%，差%s个百分点，请抓紧推进。"
                .formatted(unit, Texts.abbreviate(e.targetTitle(), 20), period, e.status().zh(), Texts.pct(e.completion()), Texts.pct(e.expectedShare()),
                        Texts.points(e.gapPoints()));
        String link = consoleUrl + "/targets/assignments/" + e.assignmentId();
        String body = """
                %s：

                %s的目标“%s”（%s）在%s的进度%s（%s）。
                %s
                %s

                请责任单位分析原因、采取措施，并在下次报送时说明。
                详情：%s

                ---
                Early warning (%s): "%s" of %s is %s for %s — %s%% done against a schedule of %s%%.
                Details: %s
                """.formatted(recipientName, unit, e.targetTitle(), e.targetCode(), period, e.status().zh(), level,
                e.actual() == null
                        ? "截至报送期限未报送进度（目标%s%s），序时进度%s%%。".formatted(plain(e.targetValue()),
                        nz(e.unitOfMeasure()), Texts.pct(e.expectedShare()))
                        : "实际完成：%s%s（目标%s%s），完成率%s%%；序时进度%s%%；差距%s个百分点。".formatted(plain(e.actual()),
                        nz(e.unitOfMeasure()), plain(e.targetValue()), nz(e.unitOfMeasure()), Texts.pct(e.completion()),
                        Texts.pct(e.expectedShare()), Texts.points(e.gapPoints())),
                e.reason(), link, e.status().en(), e.targetTitle(), unit, e.status().en(), e.period(),
                Texts.pct(e.completion()), Texts.pct(e.expectedShare()), link);
        return new Notice(subject, body, sms);
    }


    private static String plain(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
