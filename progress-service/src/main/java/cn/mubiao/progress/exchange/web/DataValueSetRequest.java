package cn.mubiao.progress.exchange.web;

import cn.mubiao.contracts.dhis2.DataValue;
import cn.mubiao.contracts.dhis2.DataValueSet;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A DHIS2 data value set as JSON. Fields DHIS2 knows and we do not use ({@code completeDate}, {@code followup},
 * ...) are accepted and ignored; id schemes given here win over the query parameters, as in DHIS2.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DataValueSetRequest(String dataSet, String period, String orgUnit, String attributeOptionCombo,
                           String idScheme, String dataElementIdScheme, String orgUnitIdScheme,
                           List<Value> dataValues) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Value(String dataElement, String period, String orgUnit, String categoryOptionCombo,
                 String attributeOptionCombo, String value, String comment) {
    }

    DataValueSet toDomain() {
        List<DataValue> values = dataValues == null ? List.of() : dataValues.stream()
                .map(v -> v == null ? DataValue.of(null, null, null, null, null, null, null)
                        : DataValue.of(v.dataElement(), v.period(), v.orgUnit(), v.categoryOptionCombo(),
                        v.attributeOptionCombo(), v.value(), v.comment()))
                .toList();
        return new DataValueSet(dataSet, period, orgUnit, attributeOptionCombo, values);
    }
}
