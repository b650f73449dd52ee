package cn.mubiao.scoring.lag;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.testing.InMemoryMongo;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 缺口清单 through the API, on five assignments of June 2007 (linear calendar: half of the year due): G1 of 中原区 red,
 * G2 of 中原区 yellow, G3 of 金水区 on track, G4 of 金水区 not reported, G5 a ceiling of the city's 发改委 exceeded.
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GapApiTest {

    private static final String CITY = "410100";
    private static final String COUNTY_A = "410102";
    private static final String COUNTY_B = "410105";
    private static final String FGW = "410100-FGW";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("scoring-gap-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventHandler<TargetAssigned> targetAssigned;
    @Autowired
    EventHandler<ProgressReported> progressReported;
    @Autowired
    EventHandler<ReportOverdue> reportOverdue;

    @BeforeAll
    void june() {
        assign("G1", COUNTY_A, "中原区", "经济发展", List.of("张市长"), IndicatorKind.CUMULATIVE, "200", 1);
        assign("G2", COUNTY_A, "中原区", "社会民生", List.of("张市长", "李副市长"), IndicatorKind.CUMULATIVE, "100", 1);
        assign("G3", COUNTY_B, "金水区", "经济发展", List.of("李副市长"), IndicatorKind.CUMULATIVE, "100", 1);
        assign("G4", COUNTY_B, "金水区", "经济发展", List.of(), IndicatorKind.CUMULATIVE, "100", 1);
        assign("G5", FGW, "市发改委", "资源环境", List.of("王副市长"), IndicatorKind.CEILING, "5", 1);
        report("G1", COUNTY_A, "70");    // 35% of 200 against 50% due: 15 points behind, red; 30 亿元 short
        report("G2", COUNTY_A, "45");    // 45% against 50%: 5 points, yellow
        report("G3", COUNTY_B, "60");    // ahead
        reportOverdue.handle(new ReportOverdue("G4", COUNTY_B, "金水区", 2007, "目标G4", "200706",
                LocalDate.parse("2007-07-05"), LocalDate.parse("2007-07-06"), 1), null);
        report("G5", FGW, "6");          // a ceiling of 5 exceeded by 1: 83.3%, red
    }

    @Test
    void theCityOfficeSeesEveryGapOfItsAreaByUnitWorstFirstWithTheShortfallInTheTargetsUnit() throws Exception {
        mvc.perform(get("/api/scoring/gaps").param("period", "200706").with(user(CITY, "city", "target-office")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupBy", is("UNIT")))
                .andExpect(jsonPath("$.seriouslyLagging", is(3)))
                .andExpect(jsonPath("$.lagging", is(1)))
                .andExpect(jsonPath("$.groups[*].key", contains(COUNTY_A, FGW, COUNTY_B)))
                .andExpect(jsonPath("$.groups[0].name", is("中原区")))
                .andExpect(jsonPath("$.groups[0].seriouslyLagging", is(1)))
                .andExpect(jsonPath("$.groups[0].lagging", is(1)))
                .andExpect(jsonPath("$.groups[0].gaps[*].assignmentId", contains("G1", "G2")))
                .andExpect(jsonPath("$.groups[0].gaps[0].statusLabel", is("严重滞后")))
                .andExpect(jsonPath("$.groups[0].gaps[0].expectedPercent").value(50.0))
                .andExpect(jsonPath("$.groups[0].gaps[0].completionPercent").value(35.0))
                .andExpect(jsonPath("$.groups[0].gaps[0].gapPoints").value(15.0))
                .andExpect(jsonPath("$.groups[0].gaps[0].scheduledAmount").value(100))
                .andExpect(jsonPath("$.groups[0].gaps[0].shortfall").value(30))
                .andExpect(jsonPath("$.groups[0].gaps[0].unitOfMeasure", is("亿元")))
                .andExpect(jsonPath("$.groups[0].gaps[1].shortfall").value(5))
                .andExpect(jsonPath("$.groups[1].gaps[0].shortfall").value(1))       // 6 against a ceiling of 5
                .andExpect(jsonPath("$.groups[2].gaps[*].assignmentId", contains("G4")))
                .andExpect(jsonPath("$.groups[2].gaps[0].actual", nullValue()))
                .andExpect(jsonPath("$.groups[2].gaps[0].shortfall", nullValue()))
                .andExpect(jsonPath("$.groups[2].gaps[0].reason", containsString("逾期未报")));
    }

    @Test
    void byLeaderAnAssignmentAppearsUnderEachOfItsLeadersAndTheTotalsCountItOnce() throws Exception {
        mvc.perform(get("/api/scoring/gaps").param("period", "200706").param("groupBy", "leader")
                        .with(user(CITY, "city", "target-office")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groupByLabel", startsWithText("按责任领导")))
                .andExpect(jsonPath("$.seriouslyLagging", is(3)))
                .andExpect(jsonPath("$.lagging", is(1)))
                .andExpect(jsonPath("$.groups[*].key", contains("张市长", "王副市长", "（未明确）", "李副市长")))
                .andExpect(jsonPath("$.groups[0].gaps[*].assignmentId", contains("G1", "G2")))
                .andExpect(jsonPath("$.groups[3].gaps[*].assignmentId", contains("G2")));

        mvc.perform(get("/api/scoring/gaps").param("period", "200706").param("leader", "李副市长")
                        .with(user(CITY, "city", "target-office")))
                .andExpect(jsonPath("$.groups[*].gaps[*].assignmentId", contains("G2")));
    }

    @Test
    void aCountySeesOnlyItsOwnGapsByCategoryAndNotAnotherCountys() throws Exception {
        mvc.perform(get("/api/scoring/gaps").param("period", "200706").param("groupBy", "category")
                        .with(user(COUNTY_A, "county", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[*].key", contains("经济发展", "社会民生")))
                .andExpect(jsonPath("$.groups[0].gaps[*].assignmentId", contains("G1")));

        mvc.perform(get("/api/scoring/gaps").param("period", "200706").param("unitCode", COUNTY_A)
                        .with(user(COUNTY_B, "county", "reporter")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/scoring/gaps").param("period", "200706").param("category", "经济发展")
                        .with(user(COUNTY_B, "county", "reporter")))
                .andExpect(jsonPath("$.groups[*].gaps[*].assignmentId", contains("G4")));
    }

    @Test
    void aDepartmentSeesWhatItLeadsCoHandlesOrMonitorsAndABystanderNothing() throws Exception {
        for (String unit : List.of(FGW, "410100-JWJ")) {
            mvc.perform(get("/api/scoring/gaps").param("period", "200706").with(user(unit, "department", "reporter")))
                    .andExpect(jsonPath("$.groups[*].gaps[*].assignmentId", contains("G5")));
        }
        mvc.perform(get("/api/scoring/gaps").param("period", "200706").with(user("410100-TJJ", "department", "monitor")))
                .andExpect(jsonPath("$.seriouslyLagging", is(3)))
                .andExpect(jsonPath("$.lagging", is(1)));
        mvc.perform(get("/api/scoring/gaps").param("period", "200706").with(user("410100-CZJ", "department", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups", empty()));
    }

    @Test
    void aMalformedPeriodOrGroupingIsABadRequestNamingTheField() throws Exception {
        mvc.perform(get("/api/scoring/gaps").param("period", "2007-06").with(user(CITY, "city", "target-office")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("period")));
        mvc.perform(get("/api/scoring/gaps").param("period", "200706").param("groupBy", "town")
                        .with(user(CITY, "city", "target-office")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("groupBy")));
        mvc.perform(get("/api/scoring/gaps").with(user(CITY, "city", "target-office")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/scoring/gaps").param("period", "200706").with(user("410000", "province")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aChangedAssignmentMovesItsGapsEvenForAPeriodWithoutAReport() throws Exception {
        assign("G6", COUNTY_B, "金水区", "经济发展", List.of("李副市长"), IndicatorKind.CUMULATIVE, "100", 1);
        reportOverdue.handle(new ReportOverdue("G6", COUNTY_B, "金水区", 2007, "目标G6", "200705",
                LocalDate.parse("2007-06-05"), LocalDate.parse("2007-06-06"), 1), null);
        assign("G6", COUNTY_B, "金水区", "改革开放", List.of("赵副市长"), IndicatorKind.CUMULATIVE, "100", 2);

        mvc.perform(get("/api/scoring/gaps").param("period", "200705").param("groupBy", "leader")
                        .with(user(CITY, "city", "target-office")))
                .andExpect(jsonPath("$.groups[*].key", contains("赵副市长")))
                .andExpect(jsonPath("$.groups[0].gaps[0].category", is("改革开放")));
    }

    @Test
    void theGapListDownloadsAsAnExcelSheetWithAHeadingPerGroup() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/scoring/gaps.xlsx").param("period", "200706")
                        .with(user(CITY, "city", "target-office")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = wb.findSheet("缺口清单").orElseThrow();
            List<Row> rows = sheet.read();
            assertThat(rows.getFirst().getCellText(0)).isEqualTo("200706 目标缺口清单（按责任单位 / by responsible unit）");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("严重滞后 3 项，滞后 1 项");
            assertThat(rows.stream().map(r -> r.getCellText(0)).toList()).contains("中原区（严重滞后1项，滞后1项）");
            Row g1 = rows.stream().filter(r -> "G1".equals(r.getCellText(1))).findFirst().orElseThrow();
            assertThat(g1.getCellText(6)).isEqualTo("严重滞后");
            assertThat(new BigDecimal(g1.getCellText(14))).isEqualByComparingTo("30");
            Row g4 = rows.stream().filter(r -> "G4".equals(r.getCellText(1))).findFirst().orElseThrow();
            assertThat(g4.getCellText(13)).isEqualTo("未报送");
        }
    }

    private static org.hamcrest.Matcher<String> startsWithText(String prefix) {
        return org.hamcrest.Matchers.startsWith(prefix);
    }

    private void assign(String id, String unit, String unitName, String category, List<String> leaders,
                        IndicatorKind kind, String value, long version) {
        List<String> coUnits = unit.equals(FGW) ? List.of("410100-JWJ") : List.of();
        targetAssigned.handle(new TargetAssigned(id, "410100-2007", 2007, id, "目标" + id, category, unit, unitName,
                coUnits, "410100-TJJ", kind, kind == IndicatorKind.CEILING ? "吨" : "亿元", new BigDecimal(value),
                BigDecimal.TEN, Frequency.MONTHLY, List.of(), leaders, version), null);
    }

    private void report(String id, String unit, String actual) {
        progressReported.handle(new ProgressReported("R-" + id, id, unit, "200706", new BigDecimal(actual), null,
                "u-" + unit, Instant.parse("2007-07-03T00:00:00Z"), false), null);
    }
}
