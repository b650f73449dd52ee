package cn.mubiao.contracts.dhis2;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One DHIS2 data value as it travels in a {@code dataValueSets} payload (JSON field names as DHIS2's, absent fields
 * left out): every field is the text the client sent or the exporter writes, nothing is interpreted yet. What the
 * identifiers mean is each exchange's mapping (progress-service: plan target code and unit code of an assignment;
 * scoring-service's province feed: province indicator code and unit code); the two option combos carry nothing but
 * {@link #DEFAULT_COMBO}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataValue(String dataElement, String period, String orgUnit, String categoryOptionCombo,
                        String attributeOptionCombo, String value, String storedBy, String created, String lastUpdated,
                        String comment, Boolean followup) {

    /** What DHIS2 clients read as "no disaggregation": the code of DHIS2's default category option combo. */
    public static final String DEFAULT_COMBO = "default";

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
