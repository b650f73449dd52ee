package cn.mubiao.progress.exchange.application;

import cn.mubiao.contracts.Period;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.exchange.application.ValueLedger.ExportQuery;
import cn.mubiao.progress.exchange.application.ValueLedger.ExportedValue;
import cn.mubiao.progress.exchange.domain.AssignmentIds;
import cn.mubiao.progress.exchange.domain.DataValue;
import cn.mubiao.progress.exchange.domain.IdScheme;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Exports the values the caller may see as DHIS2 data values, filtered by DHIS2's query parameters. Unlike
 * DHIS2, no parameter is required: the caller's scope already bounds the answer.
 */
@Component
public class ExportDataValues {

    /** What DHIS2 clients read as "no disaggregation" (the code of DHIS2's default combo). */
    public static final String DEFAULT_COMBO = "default";

    private final ValueLedger ledger;
    private final ProgressProperties progress;

    ExportDataValues(ValueLedger ledger, ProgressProperties progress) {
        this.ledger = ledger;
        this.progress = progress;
    }

    /** DHIS2's query parameters, as the client sent them. */
    public record Request(List<String> dataSets, List<String> periods, String startDate, String endDate,
                         List<String> orgUnits, boolean children, List<String> dataElements, String lastUpdated,
                         String idScheme, String dataElementIdScheme, String orgUnitIdScheme) {
    }

    public List<DataValue> export(Caller caller, Request request) {
        IdScheme.Schemes.parse(request.idScheme(), request.dataElementIdScheme(), request.orgUnitIdScheme());
        Set<String> periods = clean(request.periods());
        for (String p : periods) {
            if (Period.parse(p).isEmpty()) {
                throw new InvalidInput("period", "报告期格式应为 2024、2024S1、2024Q3 或 202407 / a period is 2024, 2024S1, "
                        + "2024Q3 or 202407, not " + p);
            }
        }
        LocalDate start = date("startDate", request.startDate());
        LocalDate end = date("endDate", request.endDate());
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidInput("endDate", "结束日期早于开始日期 / endDate lies before startDate");
        }
        var query = new ExportQuery(periods, start, end, clean(request.orgUnits()), request.children(),
                clean(request.dataElements()), instant(request.lastUpdated()));
        return ledger.read(caller, query).stream()
                .sorted(Comparator.comparing(ExportedValue::assignmentId).thenComparing(ExportedValue::period))
                .map(ExportDataValues::dataValue)
                .toList();
    }

    private static DataValue dataValue(ExportedValue v) {
        return new DataValue(AssignmentIds.dataElement(v.assignmentId()), v.period(), AssignmentIds.orgUnit(v.assignmentId()),
                DEFAULT_COMBO, DEFAULT_COMBO, v.value() == null ? null : v.value().toPlainString(), v.storedBy(),
                v.created() == null ? null : v.created().toString(),
                v.lastUpdated() == null ? null : v.lastUpdated().toString(), v.comment(), false);
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
            throw new InvalidInput(field, "日期格式应为 YYYY-MM-DD / a date is YYYY-MM-DD");
        }
    }

    /** DHIS2 takes a date or a date-time here; a date means its start in the service's zone. */
    private Instant instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(progress.zone()).toInstant();
            }
            if (v.endsWith("Z") || v.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(v.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
            }
            return LocalDateTime.parse(v).atZone(progress.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("lastUpdated", "应为日期或带时区的时间（ISO 8601）/ a date or a date-time (ISO 8601)");
        }
    }
}
