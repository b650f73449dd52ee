package cn.mubiao.notification.warning.domain;

import cn.mubiao.contracts.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** Pieces shared by the texts of every trigger. */
final class Texts {

    /** What every SMS starts with, so the recipient knows the sender. */
    static final String SMS_SIGNATURE = "【目标管理】";

    private Texts() {
    }

    static String periodLabel(String code) {
        return Period.parse(code).map(p -> switch (p.frequency()) {
            case MONTHLY -> p.year() + "年" + p.monthIndex() + "月";
            case QUARTERLY -> p.year() + "年第" + (p.monthIndex() / 3) + "季度";
            case HALF_YEARLY -> p.year() + (p.monthIndex() == 6 ? "年上半年" : "年下半年");
            case YEARLY -> p.year() + "年";
        }).orElse(code);
    }

    /** A share (0..1) as percent with one decimal: {@code 0.475 → 47.5}. */
    static String pct(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Percentage points with one decimal: {@code 10.8333 → 10.8}. */
    static String points(BigDecimal points) {
        return points.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** The Chinese part of a bilingual label: {@code 一等奖 / first prize → 一等奖}. */
    static String zh(String label) {
        int slash = label == null ? -1 : label.indexOf(" / ");
        return slash < 0 ? label : label.substring(0, slash);
    }

    /** The English part of a bilingual label, or the whole label when it has none. */
    static String en(String label) {
        int slash = label == null ? -1 : label.indexOf(" / ");
        return slash < 0 ? label : label.substring(slash + 3);
    }

    static String dayLabel(LocalDate d) {
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String orElse(String s, String fallback) {
        return s != null && !s.isBlank() ? s : fallback;
    }
}
