package cn.mubiao.progress.exchange.application;

import cn.mubiao.contracts.dhis2.DataValue;
import cn.mubiao.contracts.dhis2.ExportQuery;
import cn.mubiao.contracts.dhis2.ExportRequest;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.exchange.application.ValueLedger.ExportedValue;
import cn.mubiao.progress.exchange.domain.AssignmentIds;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * Exports the values the caller may see as DHIS2 data values, filtered by DHIS2's query parameters. Unlike
 * DHIS2, no parameter is required: the caller's scope already bounds the answer.
 */
@Component
public class ExportDataValues {

    private final ValueLedger ledger;
    private final ProgressProperties progress;

    ExportDataValues(ValueLedger ledger, ProgressProperties progress) {
        this.ledger = ledger;
        this.progress = progress;
    }

    public List<DataValue> export(Caller caller, ExportRequest request) {
        ExportQuery query = ExportQuery.parse(request, progress.zone());
        return ledger.read(caller, query).stream()
                .sorted(Comparator.comparing(ExportedValue::assignmentId).thenComparing(ExportedValue::period))
                .map(ExportDataValues::dataValue)
                .toList();
    }

    private static DataValue dataValue(ExportedValue v) {
        return new DataValue(AssignmentIds.dataElement(v.assignmentId()), v.period(), AssignmentIds.orgUnit(v.assignmentId()),
                DataValue.DEFAULT_COMBO, DataValue.DEFAULT_COMBO, v.value() == null ? null : v.value().toPlainString(),
                v.storedBy(), v.created() == null ? null : v.created().toString(),
                v.lastUpdated() == null ? null : v.lastUpdated().toString(), v.comment(), false);
    }
}
