package cn.mubiao.contracts.dhis2;

import cn.mubiao.contracts.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The filters of a DHIS2 export, each empty or null for "any": {@code periods} exact codes; {@code startDate} /
 * {@code endDate} keep the periods lying wholly between them (ignored when {@code periods} is given, as in DHIS2);
 * {@code orgUnits} unit codes, with {@code children} their subtrees too; {@code dataElements} data element codes;
 * {@code lastUpdated} values changed at or after that instant. Unlike DHIS2 nothing is required: the caller's scope
 * bounds every answer.
 */
public record ExportQuery(Set<String> periods, LocalDate startDate, LocalDate endDate, Set<String> orgUnits,
                          boolean children, Set<String> dataElements, Instant lastUpdated) {

    private static final String PERIOD_FORMAT = "报告期格式应为 2024、2024S1、2024Q3 或 202407 / a period is 2024, 2024S1, "
            + "2024Q3 or 202407";

    public ExportQuery {
        periods = periods == null ? Set.of() : Set.copyOf(periods);
        orgUnits = orgUnits == null ? Set.of() : Set.copyOf(orgUnits);
        dataElements = dataElements == null ? Set.of() : Set.copyOf(dataElements);
    }

    /**
     * Reads the client's parameters; a date in {@code lastUpdated} means its start in {@code zone}.
     *
     * @throws InvalidDhis2Input an id scheme we do not serve, a period that is not one of our codes, a date that is
     *                           not {@code YYYY-MM-DD}, {@code endDate} before {@code startDate}, a {@code lastUpdated}
     *                           that is neither a date nor an ISO date-time
     */
    public static ExportQuery parse(ExportRequest request, ZoneId zone) {
        IdScheme.Schemes.parse(request.idScheme(), request.dataElementIdScheme(), request.orgUnitIdScheme());
        Set<String> periods = clean(request.period());
        for (String p : periods) {
            if (Period.parse(p).isEmpty()) {
                throw new InvalidDhis2Input("period", PERIOD_FORMAT + ", not " + p);
            }
        }
        LocalDate start = date("startDate", request.startDate());
        LocalDate end = date("endDate", request.endDate());
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidDhis2Input("endDate", "结束日期早于开始日期 / endDate lies before startDate");
        }
        return new ExportQuery(periods, start, end, clean(request.orgUnit()), Boolean.TRUE.equals(request.children()),
                clean(request.dataElement()), instant(request.lastUpdated(), zone));
    }

    /** Whether a period is asked for: one of {@code periods}, else lying wholly between start and end date. */
    public boolean coversPeriod(Period p) {
        if (!periods.isEmpty()) {
            return periods.contains(p.code());
        }
        return (startDate == null || !p.firstDay().isBefore(startDate))
                && (endDate == null || !p.lastDay().isAfter(endDate));
    }

    public boolean coversDataElement(String dataElement) {
        return dataElements.isEmpty() || dataElements.contains(dataElement);
    }

    /**
     * Whether a unit is asked for: one of {@code orgUnits}, or with {@code children} inside one's subtree.
     *
     * @param inSubtree whether a unit code lies in the subtree of an org unit code (service-kit's
     *                  {@code UnitCodes::isInSubtree})
     */
    public boolean coversOrgUnit(String unitCode, BiPredicate<String, String> inSubtree) {
        return orgUnits.isEmpty() || orgUnits.stream()
                .anyMatch(ou -> ou.equals(unitCode) || children && inSubtree.test(unitCode, ou));
    }

    /** Whether a value last changed at {@code at} is asked for (no {@code lastUpdated}: every one). */
    public boolean changedSince(Instant at) {
        return lastUpdated == null || at != null && !at.isBefore(lastUpdated);
    }

    private static Set<String> clean(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) { // repeated parameters, or one comma-separated list
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidDhis2Input(field, "日期格式应为 YYYY-MM-DD / a date is YYYY-MM-DD");
        }
    }

    /** DHIS2 takes a date or a date-time here; a date means its start in the zone. */
    private static Instant instant(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(v.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
            }
            return LocalDateTime.parse(v).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidDhis2Input("lastUpdated", "应为日期或带时区的时间（ISO 8601）/ a date or a date-time (ISO 8601)");
        }
    }
}
