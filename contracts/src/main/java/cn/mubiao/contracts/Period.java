package cn.mubiao.contracts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period, coded as in DOMAIN.md §4: {@code 2024} (year), {@code 2024S1} (half),
 * {@code 2024Q3} (quarter), {@code 202407} (month).
 *
 * @param endMonth the last month of the period (1..12)
 */
public record Period(String code, int year, Frequency frequency, int endMonth) {

    private static final Pattern CODE = Pattern.compile("([0-9]{4})(?:([0-9]{2})|Q([1-4])|S([12]))?");

    /** Parses a period code, or empty when it is not one. */
    public static Optional<Period> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            int month = Integer.parseInt(m.group(2));
            return month >= 1 && month <= 12 ? Optional.of(new Period(code, year, Frequency.MONTHLY, month)) : Optional.empty();
        }
        if (m.group(3) != null) {
            return Optional.of(new Period(code, year, Frequency.QUARTERLY, Integer.parseInt(m.group(3)) * 3));
        }
        if (m.group(4) != null) {
            return Optional.of(new Period(code, year, Frequency.HALF_YEARLY, Integer.parseInt(m.group(4)) * 6));
        }
        return Optional.of(new Period(code, year, Frequency.YEARLY, 12));
    }

    /** The periods of a year at a frequency, in order: 12 months, 4 quarters, 2 halves or the year. */
    public static List<Period> ofYear(int year, Frequency frequency) {
        List<String> codes = new ArrayList<>();
        switch (frequency) {
            case MONTHLY -> {
                for (int m = 1; m <= 12; m++) {
                    codes.add("%04d%02d".formatted(year, m));
                }
            }
            case QUARTERLY -> {
                for (int q = 1; q <= 4; q++) {
                    codes.add(year + "Q" + q);
                }
            }
            case HALF_YEARLY -> {
                codes.add(year + "S1");
                codes.add(year + "S2");
            }
            case YEARLY -> codes.add(String.valueOf(year));
        }
        return codes.stream().map(c -> parse(c).orElseThrow()).toList();
    }

    public static Period month(int year, int month) {
        return parse("%04d%02d".formatted(year, month)).orElseThrow();
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, endMonth - months() + 1, 1);
    }

    /** The period of the same frequency just before this one: {@code 200707 → 200706}, {@code 2007Q1 → 2006Q4}. */
    public Period previous() {
        return shifted(-1);
    }

    /** The period of the same frequency just after this one: {@code 200712 → 200801}, {@code 2007S1 → 2007S2}. */
    public Period next() {
        return shifted(1);
    }

    private Period shifted(int periods) {
        YearMonth end = YearMonth.of(year, endMonth).plusMonths((long) periods * months());
        String code = switch (frequency) {
            case MONTHLY -> "%04d%02d".formatted(end.getYear(), end.getMonthValue());
            case QUARTERLY -> end.getYear() + "Q" + end.getMonthValue() / 3;
            case HALF_YEARLY -> end.getYear() + "S" + end.getMonthValue() / 6;
            case YEARLY -> String.valueOf(end.getYear());
        };
        return parse(code).orElseThrow();
    }

    private int months() {
        return switch (frequency) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case HALF_YEARLY -> 6;
            case YEARLY -> 12;
        };
    }

    public LocalDate lastDay() {
        return YearMonth.of(year, endMonth).atEndOfMonth();
    }

    /** The report deadline: {@code dueDay} of the month after the period (default the 5th). */
    public LocalDate dueDate(int dueDay) {
        return lastDay().plusDays(dueDay);
    }

    /** Month-of-year index (1..12) of the period's end, used by the schedule curve. */
    public int monthIndex() {
        return endMonth;
    }

    @Override
    public String toString() {
        return code;
    }
}
