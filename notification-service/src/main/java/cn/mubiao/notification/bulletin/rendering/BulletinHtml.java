package cn.mubiao.notification.bulletin.rendering;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.notification.bulletin.domain.Bulletin;
import cn.mubiao.notification.bulletin.domain.Bulletin.UnitSection;
import cn.mubiao.notification.bulletin.domain.BulletinTexts;
import cn.mubiao.notification.bulletin.domain.Counts;
import cn.mubiao.notification.bulletin.domain.StatusLine;

import java.time.ZoneId;

/**
 * A bulletin as an HTML page: the email's body and the preview. Inline styles only (mail clients drop style sheets);
 * every text from the data is escaped.
 */
public final class BulletinHtml {

    private static final String CELL = "border:1px solid #999;padding:4px 8px;";
    private static final String HEAD = CELL + "background:#eee;font-weight:bold;";

    private BulletinHtml() {
    }

    public static String render(Bulletin b, ZoneId zone) {
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>")
                .append(esc(b.title())).append("</title></head>\n")
                .append("<body style=\"font-family:'SimSun','Songti SC','Noto Serif CJK SC',serif;font-size:14px;\">\n");
        h.append("<h2>").append(esc(b.title())).append("</h2>\n");
        h.append("<p>通报单位 / issued by: ").append(esc(b.issuerName()));
        if (!b.issuerName().equals(b.issuerUnitCode())) {
            h.append("（").append(esc(b.issuerUnitCode())).append("）");
        }
        h.append("<br>通报期 / period: ").append(esc(b.period().label())).append("（").append(esc(b.period().code()))
                .append("）<br>统计截至 / as of: ").append(esc(BulletinTexts.asOf(b, zone))).append("</p>\n");
        summary(h, b);
        if (b.isEmpty()) {
            h.append("<p>本期没有可通报的目标进度。 / No target has a status for this period.</p>\n");
        } else {
            details(h, b);
        }
        h.append("<p style=\"color:#666;font-size:12px;\">红色：差距≥阈值、里程碑逾期或逾期未报；黄色：落后于序时进度；"
                + "绿色：达到或超过序时进度。 / Red: seriously lagging; yellow: lagging; green: on track.</p>\n");
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, Bulletin b) {
        h.append("<table style=\"border-collapse:collapse;margin-bottom:16px;\">\n<tr>");
        for (String c : new String[]{"责任单位 / Unit", "红色 严重滞后", "黄色 滞后", "绿色 正常", "合计 / Total"}) {
            h.append("<th style=\"").append(HEAD).append("\">").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (UnitSection u : b.units()) {
            countRow(h, u.unitName(), u.counts(), false);
        }
        countRow(h, "合计 / Total", b.totals(), true);
        h.append("</table>\n");
    }

    private static void countRow(StringBuilder h, String name, Counts c, boolean total) {
        String style = total ? HEAD : CELL;
        h.append("<tr><td style=\"").append(style).append("\">").append(esc(name)).append("</td>");
        for (LagStatus s : Bulletin.ORDER) {
            h.append("<td style=\"").append(style).append("text-align:right;").append(c.of(s) > 0 ? colour(s) : "")
                    .append("\">").append(c.of(s)).append("</td>");
        }
        h.append("<td style=\"").append(style).append("text-align:right;\">").append(c.total()).append("</td></tr>\n");
    }

    private static void details(StringBuilder h, Bulletin b) {
        h.append("<h3>各单位目标明细 / Targets by unit</h3>\n<table style=\"border-collapse:collapse;\">\n<tr>");
        for (String c : new String[]{"状态 / Status", "目标 / Target", "完成率 / Done", "序时进度 / Schedule",
                "差距（百分点）/ Gap"}) {
            h.append("<th style=\"").append(HEAD).append("\">").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (UnitSection u : b.units()) {
            Counts c = u.counts();
            h.append("<tr><td colspan=\"5\" style=\"").append(HEAD).append("\">").append(esc(u.unitName()))
                    .append(esc("（红%d 黄%d 绿%d）".formatted(c.seriouslyLagging(), c.lagging(), c.onTrack())))
                    .append("</td></tr>\n");
            for (LagStatus s : Bulletin.ORDER) {
                for (StatusLine l : u.targets(s)) {
                    h.append("<tr><td style=\"").append(CELL).append(colour(s)).append("\">")
                            .append(esc(BulletinTexts.statusLabel(s))).append("</td>")
                            .append("<td style=\"").append(CELL).append("\">").append(esc(l.targetLabel()));
                    if (l.targetCode() != null) {
                        h.append("（").append(esc(l.targetCode())).append("）");
                    }
                    h.append("</td>");
                    cell(h, BulletinTexts.completion(l));
                    cell(h, BulletinTexts.pct(l.expectedShare()));
                    cell(h, BulletinTexts.gap(l.gapPoints()));
                    h.append("</tr>\n");
                }
            }
        }
        h.append("</table>\n");
    }

    private static void cell(StringBuilder h, String text) {
        h.append("<td style=\"").append(CELL).append("text-align:right;\">").append(esc(text)).append("</td>");
    }

    private static String colour(LagStatus s) {
        return switch (s) {
            case SERIOUSLY_LAGGING -> "background:#f8d0d0;";
            case LAGGING -> "background:#fbefb5;";
            case ON_TRACK -> "background:#d5efd5;";
        };
    }

    /** Escapes text for HTML element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
