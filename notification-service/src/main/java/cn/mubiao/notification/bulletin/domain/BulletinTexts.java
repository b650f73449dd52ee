package cn.mubiao.notification.bulletin.domain;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.notification.bulletin.domain.Bulletin.UnitSection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The words of a bulletin, Chinese first and English second: the email subject, the short plain-text part (the
 * figures per unit; the table is the HTML part and the PDF) and the labels the HTML and the PDF share.
 */
public final class BulletinTexts {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private BulletinTexts() {
    }

    /** {@code 红色·严重滞后}, {@code 黄色·滞后}, {@code 绿色·正常}. */
    public static String statusLabel(LagStatus s) {
        return colour(s) + "色·" + s.zh();
    }

    /** {@code 红}, {@code 黄}, {@code 绿}. */
    public static String colour(LagStatus s) {
        return switch (s) {
            case SERIOUSLY_LAGGING -> "红";
            case LAGGING -> "黄";
            case ON_TRACK -> "绿";
        };
    }

    /** {@code 【目标进度通报】郑州市2007年7月：红3 黄2 绿10}. */
    public static String subject(Bulletin b) {
        Counts t = b.totals();
        return "【目标进度通报】%s：红%d 黄%d 绿%d".formatted(b.title(), t.seriouslyLagging(), t.lagging(), t.onTrack());
    }

    /** The plain-text part: the totals and one line of counts per unit; the table is in the HTML part and the PDF. */
    public static String plainText(Bulletin b, ZoneId zone) {
        StringBuilder s = new StringBuilder();
        s.append(b.title()).append('\n');
        s.append("统计截至 / as of ").append(AS_OF.format(b.compiledAt().atZone(zone))).append('\n').append('\n');
        Counts t = b.totals();
        s.append("合计 %d 项目标：红色（严重滞后）%d 项，黄色（滞后）%d 项，绿色（正常）%d 项。\n"
                .formatted(t.total(), t.seriouslyLagging(), t.lagging(), t.onTrack()));
        if (b.isEmpty()) {
            s.append("本期没有可通报的目标进度。\n");
        }
        for (UnitSection u : b.units()) {
            Counts c = u.counts();
            s.append("- %s：红%d 黄%d 绿%d\n".formatted(u.unitName(), c.seriouslyLagging(), c.lagging(), c.onTrack()));
        }
        s.append('\n').append("各单位目标明细见邮件正文表格及所附PDF。\n\n---\n");
        s.append("Progress bulletin of %s for %s: %d targets, %d seriously lagging (red), %d lagging (yellow), %d on track (green). "
                .formatted(b.issuerUnitCode(), b.period().code(), t.total(), t.seriouslyLagging(), t.lagging(), t.onTrack()));
        s.append("Each unit's targets are in the table and the attached PDF.\n");
        return s.toString();
    }

    public static String asOf(Bulletin b, ZoneId zone) {
        return AS_OF.format(b.compiledAt().atZone(zone));
    }

    /** A share (0..1) as percent with one decimal: {@code 0.475 → 47.5%}; {@code -} when unknown. */
    public static String pct(BigDecimal share) {
        return share == null ? "-" : share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Percentage points with one decimal, {@code -} when unknown or ahead of schedule. */
    public static String gap(BigDecimal points) {
        return points == null || points.signum() <= 0 ? "-" : points.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** The completion as shown: {@code 逾期未报} when nothing was reported by the deadline. */
    public static String completion(StatusLine l) {
        return l.overdue() ? "逾期未报" : pct(l.completion());
    }
}
