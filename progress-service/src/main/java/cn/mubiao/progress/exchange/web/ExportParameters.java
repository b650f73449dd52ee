package cn.mubiao.progress.exchange.web;

import cn.mubiao.progress.exchange.application.ExportDataValues;

import java.util.List;

/** DHIS2's export query parameters, repeatable ones as lists; {@code dataSet} is accepted and does not filter. */
record ExportParameters(List<String> dataSet, List<String> period, String startDate, String endDate,
                        List<String> orgUnit, Boolean children, List<String> dataElement, String lastUpdated,
                        String idScheme, String dataElementIdScheme, String orgUnitIdScheme) {

    ExportDataValues.Request toRequest() {
        return new ExportDataValues.Request(dataSet, period, startDate, endDate, orgUnit, Boolean.TRUE.equals(children),
                dataElement, lastUpdated, idScheme, dataElementIdScheme, orgUnitIdScheme);
    }
}
