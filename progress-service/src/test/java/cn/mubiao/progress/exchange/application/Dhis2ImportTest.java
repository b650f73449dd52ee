package cn.mubiao.progress.exchange.application;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.dhis2.DataValue;
import cn.mubiao.contracts.dhis2.DataValueSet;
import cn.mubiao.contracts.dhis2.ExportQuery;
import cn.mubiao.contracts.dhis2.InvalidDhis2Input;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.Level;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.exchange.InMemoryValueLedger;
import cn.mubiao.progress.exchange.domain.Conflict;
import cn.mubiao.progress.exchange.domain.ImportCount;
import cn.mubiao.progress.exchange.domain.ImportOptions;
import cn.mubiao.progress.exchange.domain.ImportSummary;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Dhis2ImportTest {

    static final Caller ZY_REPORTER = new Caller("s", "zy-reporter", "410102", Level.COUNTY, Set.of("county", "reporter"));
    static final Caller TJJ_MONITOR = new Caller("s", "tjj-monitor", "410100-TJJ", Level.DEPARTMENT, Set.of("department", "monitor"));

    private final InMemoryValueLedger ledger = new InMemoryValueLedger()
            .assign("410100-2007-A03", "410102", "410100-TJJ", Frequency.MONTHLY)
            .assign("410100-2007-A03", "410105", "410100-TJJ", Frequency.MONTHLY)
            .assign("410100-2007-B01", "410102", "410100-TJJ", Frequency.QUARTERLY);
    private final ImportDataValues importer = new ImportDataValues(ledger, new ExchangeProperties(5, "2.40.0"));

    private static DataValue row(String dataElement, String period, String orgUnit, String value) {
        return DataValue.of(dataElement, period, orgUnit, null, null, value, null);
    }

    private static ImportOptions options(boolean dryRun) {
        return ImportOptions.parse(dryRun, "code", null, null, null, null, null);
    }

    private ImportSummary run(Caller caller, boolean dryRun, DataValue... rows) {
        return importer.importSet(caller, DataValueSet.of(List.of(rows)), options(dryRun));
    }

    @Test
    void countsImportedUpdatedAndIgnoredWithOneConflictPerIgnoredRow() {
        run(ZY_REPORTER, false, row("410100-2007-A03", "200706", "410102", "4"));

        ImportSummary summary = run(ZY_REPORTER, false,
                row("410100-2007-A03", "200707", "410102", "5"),      // imported
                row("410100-2007-A03", "200706", "410102", "4.5"),    // updated
                row("410100-2007-A03", "200707", "410102", "五"),     // not a number
                row("410100-2007-A03", "200707", "410102", "-1"),     // negative
                row("410100-2007-A03", "2007Q2", "410102", "5"));     // not the assignment's frequency

        assertThat(summary.importCount()).isEqualTo(new ImportCount(1, 1, 3, 0));
        assertThat(summary.status()).isEqualTo("WARNING");
        assertThat(summary.conflicts()).extracting(Conflict::property, Conflict::object, Conflict::indexes)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("value", "五", List.of(2)),
                        org.assertj.core.groups.Tuple.tuple("value", "-1", List.of(3)),
                        org.assertj.core.groups.Tuple.tuple("period", "2007Q2", List.of(4)));
        assertThat(summary.rejectedIndexes()).containsExactly(2, 3, 4);
    }

    @Test
    void aPeriodInTheFutureOrNotAPeriodIsIgnored() {
        ImportSummary summary = run(ZY_REPORTER, false,
                row("410100-2007-A03", "200709", "410102", "5"),
                row("410100-2007-A03", "2007-07", "410102", "5"),
                row("410100-2007-A03", null, "410102", "5"));

        assertThat(summary.importCount().ignored()).isEqualTo(3);
        assertThat(summary.conflicts()).extracting(Conflict::property).containsOnly("period");
        assertThat(summary.conflicts().getFirst().value()).contains("future");
    }

    @Test
    void anUnknownAssignmentAndAnotherUnitsAssignmentGetTheSameConflictText() {
        ImportSummary summary = run(ZY_REPORTER, false,
                row("410100-2007-Z99", "200707", "410102", "5"),
                row("410100-2007-A03", "200707", "410105", "5"));

        assertThat(summary.importCount()).isEqualTo(new ImportCount(0, 0, 2, 0));
        assertThat(summary.conflicts()).extracting(Conflict::value).containsOnly(
                ValueLedger.RowOutcome.unknownAssignment().reason());
        assertThat(summary.conflicts()).extracting(Conflict::object).containsExactly("410100-2007-Z99", "410100-2007-A03");
        assertThat(ledger.writes()).isZero();
    }

    @Test
    void theMonitorRecordsWhatItMonitorsAsItsOwnSource() {
        run(ZY_REPORTER, false, row("410100-2007-A03", "200707", "410102", "5"));

        ImportSummary summary = run(TJJ_MONITOR, false, row("410100-2007-A03", "200707", "410102", "6"));

        assertThat(summary.importCount()).isEqualTo(new ImportCount(1, 0, 0, 0));
    }

    @Test
    void aDryRunWritesNothingButCountsWhatWouldHappen() {
        run(ZY_REPORTER, false, row("410100-2007-A03", "200706", "410102", "4"));
        int before = ledger.writes();

        ImportSummary summary = run(ZY_REPORTER, true,
                row("410100-2007-A03", "200707", "410102", "5"),
                row("410100-2007-A03", "200707", "410102", "5.5"),   // the same value again: would be an update
                row("410100-2007-A03", "200706", "410102", "4.5"),
                row("410100-2007-A03", "200707", "410102", "x"));

        assertThat(summary.importCount()).isEqualTo(new ImportCount(1, 2, 1, 0));
        assertThat(summary.dryRun()).isTrue();
        assertThat(ledger.writes()).isEqualTo(before);
    }

    @Test
    void topLevelPeriodOrgUnitAndAttributeOptionComboApplyToValuesMissingThem() {
        var set = new DataValueSet("ds", "200707", "410102", "default", List.of(
                DataValue.of("410100-2007-A03", null, null, null, null, "5", "完成投资"),
                DataValue.of("410100-2007-B01", "2007Q2", null, null, null, "7", null)));

        ImportSummary summary = importer.importSet(ZY_REPORTER, set, options(false));

        assertThat(summary.importCount()).isEqualTo(new ImportCount(2, 0, 0, 0));
    }

    @Test
    void onlyTheDefaultOptionCombosAreAccepted() {
        ImportSummary summary = run(ZY_REPORTER, false,
                DataValue.of("410100-2007-A03", "200707", "410102", "default", "HllvX50cXC0", "5", null),
                DataValue.of("410100-2007-A03", "200706", "410102", "Prlt0C1RF0s", null, "4", null));

        assertThat(summary.importCount()).isEqualTo(new ImportCount(1, 0, 1, 0));
        assertThat(summary.conflicts()).singleElement().extracting(Conflict::property).isEqualTo("categoryOptionCombo");
    }

    @Test
    void aRefusalThrownByTheLedgerIgnoresOnlyThatRow() {
        ValueLedger throwing = new ValueLedger() {
            @Override
            public RowOutcome record(Caller c, String id, String period, BigDecimal v, String comment, boolean dryRun) {
                if (period.equals("200706")) {
                    throw new RuleViolation("period", "该报告期已认定 / this period is verified");
                }
                if (period.equals("200705")) {
                    throw ProblemException.notFound("assignment", id);
                }
                return new RowOutcome.Imported();
            }

            @Override
            public List<ExportedValue> read(Caller caller, ExportQuery query) {
                return List.of();
            }
        };
        var summary = new ImportDataValues(throwing, new ExchangeProperties(5, "2.40.0")).importSet(ZY_REPORTER,
                DataValueSet.of(List.of(row("A03", "200707", "410102", "5"), row("A03", "200706", "410102", "5"),
                        row("A03", "200705", "410102", "5"))), options(false));

        assertThat(summary.importCount()).isEqualTo(new ImportCount(1, 0, 2, 0));
        assertThat(summary.conflicts()).extracting(Conflict::value).containsExactly("该报告期已认定 / this period is verified",
                ValueLedger.RowOutcome.unknownAssignment().reason());
    }

    @Test
    void moreRowsThanTheLimitAreRefusedWholeWithNothingWritten() {
        DataValue[] six = new DataValue[6];
        java.util.Arrays.fill(six, row("410100-2007-A03", "200707", "410102", "5"));

        assertThatThrownBy(() -> run(ZY_REPORTER, false, six))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
        assertThatThrownBy(() -> importer.importCsv(ZY_REPORTER, "h\n" + "410100-2007-A03,200707,410102,,,5\n".repeat(6), options(false)))
                .isInstanceOf(ProblemException.class);
        assertThat(ledger.writes()).isZero();
    }

    @Test
    void csvRowsAreImportedLikeJsonRows() {
        String csv = "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup\n"
                + "410100-2007-A03,200707,410102,,,5,,,\"完成投资,开工\",false\n"
                + "410100-2007-A03,200707,410105,,,5,,,,\n";

        var summary = importer.importCsv(ZY_REPORTER, csv, options(false));

        assertThat(summary.importCount()).isEqualTo(new ImportCount(1, 0, 1, 0));
        assertThat(summary.conflicts()).singleElement().extracting(Conflict::indexes).isEqualTo(List.of(1));
    }

    @Test
    void identifierSchemesOtherThanCodeOrUidAreRefused() {
        assertThatThrownBy(() -> ImportOptions.parse(false, "name", null, null, null, null, null))
                .isInstanceOf(InvalidDhis2Input.class).hasMessageContaining("idScheme");
        assertThatThrownBy(() -> ImportOptions.parse(false, "code", null, "attribute:DnrLSdo4hMl", null, null, null))
                .isInstanceOf(InvalidDhis2Input.class).hasMessageContaining("orgUnitIdScheme");
        assertThat(ImportOptions.parse(false, "UID", "CODE", null, null, null, null).idSchemes().orgUnitIdScheme())
                .hasToString("UID");
    }

    @Test
    void onlyCreateAndUpdateAndSynchronousImportsAreServed() {
        assertThatThrownBy(() -> ImportOptions.parse(false, null, null, null, "DELETE", null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("importStrategy");
        assertThatThrownBy(() -> ImportOptions.parse(false, null, null, null, null, true, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("async");
        assertThat(ImportOptions.parse(null, null, null, null, "create_and_update", false, null).dryRun()).isFalse();
    }
}
