package cn.mubiao.progress.exchange.domain;

/**
 * One DHIS2 data value as it travels in a {@code dataValueSets} payload: every field is the text the client sent
 * (or the exporter writes), nothing is interpreted yet. Our mapping: {@code dataElement} is the plan target code
 * and {@code orgUnit} the unit code of an assignment ({@link AssignmentIds}); {@code value} is the cumulative
 * actual; the two option combos carry nothing but "default".
 */
public record DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo,
                        String attributeOptionCombo, String value, String storedBy, String created, String lastUpdated,
                        String comment, Boolean followup) {

    /** The fields an import reads: the rest (storedBy, created, lastUpdated, followup) is output only. */
    public static DataValue of(String dataElement, String period, String orgUnit, String categoryOptionCombo,
                               String attributeOptionCombo, String value, String comment) {
        return new DataValue(dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value, null, null,
                null, comment, null);
    }

    /** This value with the set's top-level defaults filled in where the value itself has none. */
    DataValue withDefaults(String defaultPeriod, String defaultOrgUnit, String defaultAttributeOptionCombo) {
        return new DataValue(dataElement, orElse(period, defaultPeriod), orElse(orgUnit, defaultOrgUnit),
                categoryOptionCombo, orElse(attributeOptionCombo, defaultAttributeOptionCombo), value, storedBy, created,
                lastUpdated, comment, followup);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
