package cn.mubiao.progress.exchange.domain;

import cn.mubiao.kit.domain.StorableNumbers;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.dhis2.DataValue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * What a data value must be before it reaches the ledger, checked row by row: identifiers present, a period
 * code of ours, the default option combos only, and a value that is a non-negative decimal. Whether the
 * assignment exists, is the caller's, and reports in that period is the ledger's to say.
 */
public final class DataValueRules {

    /**
     * What DHIS2 clients send for "no disaggregation": nothing, the code {@code default}, or the uid the DHIS2
     * demo databases give the default combo.
     */
    private static final Set<String> DEFAULT_COMBOS = Set.of("default", "hllvx50cxc0");

    private DataValueRules() {
    }

    /** A row that passed: what to hand to the ledger. */
    public sealed interface Checked {
    }

    public record Valid(String assignmentId, Period period, BigDecimal value, String comment) implements Checked {
    }

    public record Rejected(Conflict conflict) implements Checked {
    }

    /** Checks the row at {@code index} (zero-based position in the payload). */
    public static Checked check(int index, DataValue v) {
        if (blank(v.dataElement())) {
            return rejected(index, "dataElement", v.dataElement(), "必填 / required");
        }
        if (blank(v.orgUnit())) {
            return rejected(index, "orgUnit", v.orgUnit(), "必填 / required");
        }
        if (blank(v.period())) {
            return rejected(index, "period", v.period(), "必填 / required");
        }
        var period = Period.parse(v.period().strip());
        if (period.isEmpty()) {
            return rejected(index, "period", v.period(),
                    "报告期格式应为 2024、2024S1、2024Q3 或 202407 / a period is 2024, 2024S1, 2024Q3 or 202407");
        }
        if (!isDefault(v.categoryOptionCombo())) {
            return rejected(index, "categoryOptionCombo", v.categoryOptionCombo(),
                    "仅支持默认类别选项组合 / only the default category option combo is supported");
        }
        if (!isDefault(v.attributeOptionCombo())) {
            return rejected(index, "attributeOptionCombo", v.attributeOptionCombo(),
                    "仅支持默认属性选项组合 / only the default attribute option combo is supported");
        }
        if (blank(v.value())) {
            return rejected(index, "value", v.value(), "必填：累计完成值 / required: the cumulative actual");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(v.value().strip());
        } catch (NumberFormatException e) {
            return rejected(index, "value", v.value(), "不是数值 / not a number");
        }
        if (value.signum() < 0) {
            return rejected(index, "value", v.value(), "不能为负数 / must not be negative");
        }
        if (!StorableNumbers.storable(value)) {
            return rejected(index, "value", v.value(), "数值超出范围（至多30位有效数字、12位小数） / out of range: at most 30 "
                    + "significant digits and 12 decimals");
        }
        return new Valid(AssignmentIds.of(v.dataElement().strip(), v.orgUnit().strip()), period.get(), value,
                blank(v.comment()) ? null : v.comment());
    }

    public static boolean isDefault(String combo) {
        return blank(combo) || DEFAULT_COMBOS.contains(combo.strip().toLowerCase(Locale.ROOT));
    }

    private static Rejected rejected(int index, String property, String object, String reason) {
        return new Rejected(Conflict.of(index, property, object, reason));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
