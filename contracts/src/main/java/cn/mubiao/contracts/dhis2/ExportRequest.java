package cn.mubiao.contracts.dhis2;

import java.util.List;

/**
 * DHIS2's {@code GET /api/dataValueSets} query parameters as the client sent them, repeatable ones as lists (each
 * item may also be a comma-separated list). A web layer binds it straight from the query string. {@code dataSet}
 * is accepted and filters nothing (we have no data sets); {@code dataElement} is ours.
 */
public record ExportRequest(List<String> dataSet, List<String> period, String startDate, String endDate,
                            List<String> orgUnit, Boolean children, List<String> dataElement, String lastUpdated,
                            String idScheme, String dataElementIdScheme, String orgUnitIdScheme) {
}
