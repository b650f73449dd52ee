package cn.mubiao.progress.exchange.application;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.dhis2.DataValue;
import cn.mubiao.contracts.dhis2.DataValueSet;
import cn.mubiao.contracts.dhis2.ExportRequest;
import cn.mubiao.contracts.dhis2.InvalidDhis2Input;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.Level;
import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.exchange.InMemoryValueLedger;
import cn.mubiao.progress.exchange.domain.ImportOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static cn.mubiao.progress.exchange.application.Dhis2ImportTest.TJJ_MONITOR;
import static cn.mubiao.progress.exchange.application.Dhis2ImportTest.ZY_REPORTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Dhis2ExportTest {

    static final Caller CITY = new Caller("s", "city-office", "410100", Level.CITY, Set.of("city", "target-office"));
    static final Caller JSQ_REPORTER = new Caller("s", "jsq-reporter", "410105", Level.COUNTY, Set.of("county", "reporter"));

    private final InMemoryValueLedger ledger = new InMemoryValueLedger()
            .assign("410100-2007-A03", "410102", "410100-TJJ", Frequency.MONTHLY)
            .assign("410100-2007-A03", "410105", "410100-TJJ", Frequency.MONTHLY)
            .assign("410100-2007-B01", "410102", "410100-TJJ", Frequency.QUARTERLY);
    private final ImportDataValues importer = new ImportDataValues(ledger, new ExchangeProperties(100, "2.40.0"));
    private final ExportDataValues exporter = new ExportDataValues(ledger, new ProgressProperties(5, ZoneId.of("Asia/Shanghai"), List.of()));

    @BeforeEach
    void valuesOfTwoCountiesOverTwoMonthsAndAQuarter() {
        record("zy", ZY_REPORTER, "2007-07-02T00:00:00Z",
                DataValue.of("410100-2007-A03", "200706", "410102", null, null, "4", "六月"),
                DataValue.of("410100-2007-B01", "2007Q2", "410102", null, null, "7", null));
        record("zy", ZY_REPORTER, "2007-08-02T00:00:00Z",
                DataValue.of("410100-2007-A03", "200707", "410102", null, null, "5.50", "完成投资，开工"));
        record("jsq", JSQ_REPORTER, "2007-08-02T00:00:00Z",
                DataValue.of("410100-2007-A03", "200707", "410105", null, null, "9", null));
    }

    private void record(String who, Caller caller, String at, DataValue... rows) {
        ledger.at(Instant.parse(at));
        var summary = importer.importSet(caller, DataValueSet.of(List.of(rows)),
                ImportOptions.parse(false, null, null, null, null, null, null));
        assertThat(summary.hasConflicts()).as(who).isFalse();
    }

    private static ExportRequest query(List<String> periods, String start, String end, List<String> orgUnits,
                                                  boolean children, List<String> dataElements, String lastUpdated) {
        return new ExportRequest(List.of(), periods, start, end, orgUnits, children, dataElements, lastUpdated,
                null, null, null);
    }

    private static ExportRequest everything() {
        return query(null, null, null, null, false, null, null);
    }

    @Test
    void splitsAssignmentIdsIntoDataElementAndOrgUnitWithDefaultCombos() {
        assertThat(exporter.export(ZY_REPORTER, query(List.of("200707"), null, null, null, false, null, null)))
                .singleElement().satisfies(v -> {
                    assertThat(v.dataElement()).isEqualTo("410100-2007-A03");
                    assertThat(v.orgUnit()).isEqualTo("410102");
                    assertThat(v.period()).isEqualTo("200707");
                    assertThat(v.value()).isEqualTo("5.50");
                    assertThat(v.categoryOptionCombo()).isEqualTo("default");
                    assertThat(v.attributeOptionCombo()).isEqualTo("default");
                    assertThat(v.storedBy()).isEqualTo("zy-reporter");
                    assertThat(v.lastUpdated()).isEqualTo("2007-08-02T00:00:00Z");
                    assertThat(v.comment()).isEqualTo("完成投资，开工");
                });
    }

    @Test
    void eachCallerSeesOnlyItsScope() {
        assertThat(exporter.export(ZY_REPORTER, everything())).extracting(DataValue::orgUnit).containsOnly("410102").hasSize(3);
        assertThat(exporter.export(JSQ_REPORTER, everything())).extracting(DataValue::orgUnit).containsOnly("410105");
        assertThat(exporter.export(CITY, everything())).hasSize(4);
        assertThat(exporter.export(TJJ_MONITOR, everything())).hasSize(4);
        assertThat(exporter.export(new Caller("s", "czj", "410100-CZJ", Level.DEPARTMENT, Set.of("reporter")), everything())).isEmpty();
    }

    @Test
    void filtersByOrgUnitWithOrWithoutChildren() {
        assertThat(exporter.export(CITY, query(null, null, null, List.of("410100"), false, null, null))).isEmpty();
        assertThat(exporter.export(CITY, query(null, null, null, List.of("410100"), true, null, null))).hasSize(4);
        assertThat(exporter.export(CITY, query(null, null, null, List.of("410105"), false, null, null)))
                .extracting(DataValue::orgUnit).containsExactly("410105");
    }

    @Test
    void filtersByDataElementPeriodsAndDates() {
        assertThat(exporter.export(CITY, query(null, null, null, null, false, List.of("410100-2007-B01"), null)))
                .extracting(DataValue::period).containsExactly("2007Q2");
        assertThat(exporter.export(CITY, query(List.of("200706", "2007Q2"), null, null, null, false, null, null)))
                .extracting(DataValue::period).containsExactly("200706", "2007Q2");
        assertThat(exporter.export(CITY, query(List.of("200706,2007Q2"), null, null, null, false, null, null))).hasSize(2);
        // the quarter does not lie wholly within June
        assertThat(exporter.export(CITY, query(null, "2007-06-01", "2007-06-30", null, false, null, null)))
                .extracting(DataValue::period).containsExactly("200706");
        assertThat(exporter.export(CITY, query(null, "2007-04-01", "2007-06-30", null, false, null, null))).hasSize(2);
    }

    @Test
    void filtersByLastUpdatedAsADateOrADateTime() {
        assertThat(exporter.export(CITY, query(null, null, null, null, false, null, "2007-08-01"))).hasSize(2);
        assertThat(exporter.export(CITY, query(null, null, null, null, false, null, "2007-08-02T08:00:01+08:00"))).isEmpty();
        assertThat(exporter.export(CITY, query(null, null, null, null, false, null, "2007-08-02T00:00:00Z"))).hasSize(2);
    }

    @Test
    void refusesMalformedParametersNamingThem() {
        assertThatThrownBy(() -> exporter.export(CITY, query(List.of("2007-07"), null, null, null, false, null, null)))
                .isInstanceOf(InvalidDhis2Input.class).hasMessageStartingWith("period");
        assertThatThrownBy(() -> exporter.export(CITY, query(null, "July", null, null, false, null, null)))
                .isInstanceOf(InvalidDhis2Input.class).hasMessageStartingWith("startDate");
        assertThatThrownBy(() -> exporter.export(CITY, query(null, "2007-07-01", "2007-06-01", null, false, null, null)))
                .isInstanceOf(InvalidDhis2Input.class).hasMessageStartingWith("endDate");
        assertThatThrownBy(() -> exporter.export(CITY, query(null, null, null, null, false, null, "yesterday")))
                .isInstanceOf(InvalidDhis2Input.class).hasMessageStartingWith("lastUpdated");
        assertThatThrownBy(() -> exporter.export(CITY, new ExportRequest(null, null, null, null, null, false,
                null, null, "name", null, null))).isInstanceOf(InvalidDhis2Input.class).hasMessageStartingWith("idScheme");
    }
}
