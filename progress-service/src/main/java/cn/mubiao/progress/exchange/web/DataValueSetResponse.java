package cn.mubiao.progress.exchange.web;

import cn.mubiao.progress.exchange.domain.DataValue;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** An exported DHIS2 data value set: the values only (no top-level dataSet, period or orgUnit). */
record DataValueSetResponse(List<Value> dataValues) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Value(String dataElement, String period, String orgUnit, String categoryOptionCombo,
                 String attributeOptionCombo, String value, String storedBy, String created, String lastUpdated,
                 String comment, Boolean followup) {
    }

    static DataValueSetResponse of(List<DataValue> values) {
        return new DataValueSetResponse(values.stream()
                .map(v -> new Value(v.dataElement(), v.period(), v.orgUnit(), v.categoryOptionCombo(),
                        v.attributeOptionCombo(), v.value(), v.storedBy(), v.created(), v.lastUpdated(), v.comment(),
                        v.followup()))
                .toList());
    }
}
