package cn.mubiao.notification.warning.domain;

import cn.mubiao.contracts.Period;

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
