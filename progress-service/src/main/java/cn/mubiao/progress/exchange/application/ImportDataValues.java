package cn.mubiao.progress.exchange.application;

import cn.mubiao.contracts.dhis2.DataValue;
import cn.mubiao.contracts.dhis2.DataValueCsv;
import cn.mubiao.contracts.dhis2.DataValueSet;
import cn.mubiao.kit.domain.Refusal;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.FieldProblem;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.exchange.application.ValueLedger.RowOutcome;
import cn.mubiao.progress.exchange.domain.Conflict;
import cn.mubiao.progress.exchange.domain.DataValueRules;
import cn.mubiao.progress.exchange.domain.ImportCount;
import cn.mubiao.progress.exchange.domain.ImportOptions;
import cn.mubiao.progress.exchange.domain.ImportSummary;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports a DHIS2 data value set: every row on its own. A row that is malformed or that the ledger refuses is
 * ignored with one conflict; the others are imported or updated. A body with more rows than the setting allows
 * is refused whole (413) before anything is recorded.
 */
@Component
public class ImportDataValues {

    private final ValueLedger ledger;
    private final ExchangeProperties settings;

    ImportDataValues(ValueLedger ledger, ExchangeProperties settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    public ImportSummary importSet(Caller caller, DataValueSet set, ImportOptions options) {
        if (set.dataValues().size() > settings.maxRows()) {
            throw tooManyRows();
        }
        return importValues(caller, set.valuesWithDefaults(), options);
    }

    /** A CSV body (DHIS2's columns); its first row is a header unless {@code options} say otherwise. */
    public ImportSummary importCsv(Caller caller, String csv, ImportOptions options) {
        List<DataValue> values;
        try {
            values = DataValueCsv.read(csv, options.firstRowIsHeader(), settings.maxRows());
        } catch (DataValueCsv.TooManyRows e) {
            throw tooManyRows();
        }
        return importValues(caller, values, options);
    }

    private ImportSummary importValues(Caller caller, List<DataValue> values, ImportOptions options) {
        ImportCount count = ImportCount.NONE;
        List<Conflict> conflicts = new ArrayList<>();
        Set<String> recordedHere = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            DataValue row = values.get(i);
            switch (DataValueRules.check(i, row)) {
                case DataValueRules.Rejected r -> {
                    conflicts.add(r.conflict());
                    count = count.plus(ImportCount.RowOutcome.IGNORED);
                }
                case DataValueRules.Valid v -> {
                    RowOutcome outcome = record(caller, v, options.dryRun());
                    if (outcome instanceof RowOutcome.Ignored ignored) {
                        conflicts.add(Conflict.of(i, ignored.property(), objectOf(row, v, ignored.property()), ignored.reason()));
                        count = count.plus(ImportCount.RowOutcome.IGNORED);
                        continue;
                    }
                    // a dry run writes nothing, so a second row for the same value is an update in what would happen
                    boolean again = !recordedHere.add(v.assignmentId() + "|" + v.period().code());
                    count = count.plus(outcome instanceof RowOutcome.Updated || (again && options.dryRun())
                            ? ImportCount.RowOutcome.UPDATED : ImportCount.RowOutcome.IMPORTED);
                }
            }
        }
        return new ImportSummary(count, conflicts, options.dryRun());
    }

    private RowOutcome record(Caller caller, DataValueRules.Valid v, boolean dryRun) {
        try {
            RowOutcome outcome = ledger.record(caller, v.assignmentId(), v.period().code(), v.value(), v.comment(), dryRun);
            return outcome == null ? RowOutcome.unknownAssignment() : outcome;
        } catch (Refusal e) {
            return new RowOutcome.Ignored(e.field(), e.reason());
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                return RowOutcome.unknownAssignment();
            }
            if (!e.status().is4xxClientError()) {
                throw e;
            }
            FieldProblem first = e.errors().isEmpty() ? new FieldProblem("dataElement", e.getMessage()) : e.errors().getFirst();
            return new RowOutcome.Ignored(first.field(), first.reason());
        }
    }

    /** The conflict's {@code object}: what the client sent for the refused property, else the assignment id. */
    private static String objectOf(DataValue row, DataValueRules.Valid v, String property) {
        return switch (property == null ? "" : property) {
            case "dataElement" -> row.dataElement();
            case "orgUnit" -> row.orgUnit();
            case "period" -> row.period();
            case "value" -> row.value();
            case "comment" -> row.comment();
            default -> v.assignmentId();
        };
    }

    private ProblemException tooManyRows() {
        int limit = settings.maxRows();
        return ProblemException.tooLarge("dataValues", "一次最多导入 " + limit + " 条数据值 / at most " + limit
                + " data values per call");
    }
}
