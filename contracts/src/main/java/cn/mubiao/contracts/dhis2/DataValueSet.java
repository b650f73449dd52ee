package cn.mubiao.contracts.dhis2;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A DHIS2 data value set: the values plus the top-level {@code dataSet}, {@code period}, {@code orgUnit} and
 * {@code attributeOptionCombo} that apply to every value missing its own. An export is {@link #of} its values and
 * travels as {@code {"dataValues":[…]}} (absent fields left out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataValueSet(String dataSet, String period, String orgUnit, String attributeOptionCombo,
                           List<DataValue> dataValues) {

    public DataValueSet {
        dataValues = dataValues == null ? List.of() : List.copyOf(dataValues);
    }

    public static DataValueSet of(List<DataValue> dataValues) {
        return new DataValueSet(null, null, null, null, dataValues);
    }

    /** The values in their order, each with the set's defaults applied. */
    @JsonIgnore
    public List<DataValue> valuesWithDefaults() {
        return dataValues.stream().map(v -> v.withDefaults(period, orgUnit, attributeOptionCombo)).toList();
    }
}
