package cn.mubiao.notification.bulletin.domain;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.Period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * The period a bulletin (定期通报) reports on: a month ({@code 200707}) or a quarter ({@code 2007Q3}).
 *
 * <p>A monthly bulletin lists the statuses of that month (assignments reported monthly). A quarterly one lists every
 * assignment's status at the quarter's end: whatever period of its frequency ends in the quarter's last month
 * ({@code 200709}, {@code 2007Q3}; for Q2 also {@code 2007S1}, for Q4 {@code 2007S2} and the year).
 */
public record BulletinPeriod(Period period) {

    public enum Kind {
        MONTHLY("月度"), QUARTERLY("季度");

        private final String zh;

        Kind(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    public BulletinPeriod {
        if (period.frequency() != Frequency.MONTHLY && period.frequency() != Frequency.QUARTERLY) {
            throw new IllegalArgumentException("a bulletin is monthly or quarterly, not " + period.code());
        }
    }

    /** The bulletin period of a code, empty when it is neither a month ({@code 200707}) nor a quarter ({@code 2007Q3}). */
    public static Optional<BulletinPeriod> parse(String code) {
        return Period.parse(code).filter(p -> p.frequency() == Frequency.MONTHLY || p.frequency() == Frequency.QUARTERLY)
                .map(BulletinPeriod::new);
    }

    public static BulletinPeriod month(YearMonth m) {
        return new BulletinPeriod(Period.month(m.getYear(), m.getMonthValue()));
    }

    public static BulletinPeriod quarterEndingIn(YearMonth m) {
        if (m.getMonthValue() % 3 != 0) {
            throw new IllegalArgumentException(m + " ends no quarter");
        }
        return new BulletinPeriod(Period.parse(m.getYear() + "Q" + m.getMonthValue() / 3).orElseThrow());
    }

    /**
     * The latest bulletin of a kind due by {@code today}: each goes out on {@code day} of the month after its period
     * (day 10: July's on 10 August, the third quarter's on 10 October). Before that day the one before is the latest.
     */
    public static BulletinPeriod latestDue(Kind kind, LocalDate today, int day) {
        YearMonth lastMonth = YearMonth.from(today).minusMonths(today.getDayOfMonth() >= day ? 1 : 2);
        return switch (kind) {
            case MONTHLY -> month(lastMonth);
            case QUARTERLY -> quarterEndingIn(lastMonth.minusMonths(lastMonth.getMonthValue() % 3));
        };
    }

    public Kind kind() {
        return period.frequency() == Frequency.MONTHLY ? Kind.MONTHLY : Kind.QUARTERLY;
    }

    public String code() {
        return period.code();
    }

    /** The last month of the period as {@code yyyyMM}: what a status's period must end in to be listed. */
    public String endMonth() {
        return endMonthOf(period);
    }

    public static String endMonthOf(Period p) {
        return "%04d%02d".formatted(p.year(), p.endMonth());
    }

    /** Whether a status of {@code statusPeriod} belongs in this bulletin. */
    public boolean lists(String statusPeriod) {
        if (kind() == Kind.MONTHLY) {
            return period.code().equals(statusPeriod);
        }
        return Period.parse(statusPeriod).map(p -> endMonthOf(p).equals(endMonth())).orElse(false);
    }

    /** {@code 2007年7月}, {@code 2007年第三季度}. */
    public String label() {
        if (kind() == Kind.MONTHLY) {
            return period.year() + "年" + period.endMonth() + "月";
        }
        return period.year() + "年第" + "一二三四".charAt(period.endMonth() / 3 - 1) + "季度";
    }

    @Override
    public String toString() {
        return code();
    }
}
