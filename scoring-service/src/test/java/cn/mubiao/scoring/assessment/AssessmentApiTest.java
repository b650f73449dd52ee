package cn.mubiao.scoring.assessment;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.FraudFlagged;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.contracts.target.AssignmentWithdrawn;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.scoring.assessment.domain.RuleSet;
import cn.mubiao.scoring.assessment.persistence.RuleSetStore;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The year-end preview from the platform's own events, through the handlers and the API: one department with
 * three items (s = 40 / 30 / 30; verified completions 95% and 112%; fraud flagged on the third) scores
 * 38 + 30 − 15 = 53 whatever order its events arrive in. Each test works in its own county (六盘水 520201…520209).
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class AssessmentApiTest {

    private static final JwtRequestPostProcessor CITY_OFFICE = user("520200", "city", "target-office");
    private static final JwtRequestPostProcessor PROVINCE = user("520000", "province");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("scoring-assessment-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    RuleSetStore ruleSets;
    @Autowired
    EventHandler<TargetAssigned> targetAssigned;
    @Autowired
    EventHandler<AssignmentWithdrawn> assignmentWithdrawn;
    @Autowired
    EventHandler<ProgressReported> progressReported;
    @Autowired
    EventHandler<ProgressVerified> progressVerified;
    @Autowired
    EventHandler<FraudFlagged> fraudFlagged;
    @Autowired
    EventHandler<UnitChanged> unitChanged;

    @Test
    void aDepartmentsTotalIsComputedFromItsVerifiedCompletionsAndFraudFlagAndExplained() throws Exception {
        String unit = "520201-FGJ";
        worked(unit).forEach(Runnable::run);

        mvc.perform(get("/api/scoring/results/2007/" + unit).with(user(unit, "department", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preview", is(true)))
                .andExpect(jsonPath("$.status", is("PREVIEW")))
                .andExpect(jsonPath("$.statusLabel", startsWith("试算")))
                .andExpect(jsonPath("$.unitName", is("钟山区发改局")))
                .andExpect(jsonPath("$.category", is("DEPARTMENTS")))
                .andExpect(jsonPath("$.ruleSet.source", is("DEFAULT")))
                .andExpect(jsonPath("$.displayTotal", is("53.00")))
                .andExpect(jsonPath("$.total").value(53.0))
                .andExpect(jsonPath("$.base").value(53.0))
                .andExpect(jsonPath("$.bonus").value(0.0))
                .andExpect(jsonPath("$.deductions").value(0.0))
                .andExpect(jsonPath("$.rating").value(0.0))
                .andExpect(jsonPath("$.comprehensive").value(0.0))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[0].assignmentId", is("2007-T1@" + unit)))
                .andExpect(jsonPath("$.items[0].completion").value(0.95))
                .andExpect(jsonPath("$.items[0].basis", is("VERIFIED")))
                .andExpect(jsonPath("$.items[0].period", is("200712")))
                .andExpect(jsonPath("$.items[0].valueSource", is("STATISTICS_BUREAU")))
                .andExpect(jsonPath("$.items[0].score").value(38.0))
                .andExpect(jsonPath("$.items[1].completion").value(1.12))
                .andExpect(jsonPath("$.items[1].factor").value(1.0))
                .andExpect(jsonPath("$.items[1].score").value(30.0))
                .andExpect(jsonPath("$.items[2].fraud", is(true)))
                .andExpect(jsonPath("$.items[2].fraudReasons[0]", containsString("虚报")))
                .andExpect(jsonPath("$.items[2].score").value(-15.0))
                .andExpect(jsonPath("$.explanation", hasItem("2007-T1@" + unit
                        + " 定量 完成95.0% s=40 → 38.0000 / quantitative, completion 95.0% s=40 → 38.0000")))
                .andExpect(jsonPath("$.explanation", hasItem("2007-T3@" + unit
                        + " 弄虚作假 s=30 倒扣50% → -15.0000 / fraud s=30 → -15.0000")))
                .andExpect(jsonPath("$.explanation[-1]", startsWith("总分 = 基本分 53.0000 + 附加分 0.0000 − 扣分 0.0000"
                        + " + 下评上 0.0000 + 综合评定 0.0000 = 53.0000（显示为53.00）")));
    }

    @Test
    void replayedAndOutOfOrderEventsGiveTheSameResult() throws Exception {
        String inOrder = "520202-FGJ";
        List<Runnable> forward = worked(inOrder);
        forward.forEach(Runnable::run);
        String first = body(get("/api/scoring/results/2007/" + inOrder).with(CITY_OFFICE));
        List<Runnable> again = new ArrayList<>(forward);
        Collections.reverse(again);
        again.forEach(Runnable::run); // every event once more, newest first
        assertThat(body(get("/api/scoring/results/2007/" + inOrder).with(CITY_OFFICE))).isEqualTo(first);

        String reversed = "520203-FGJ";
        List<Runnable> backward = new ArrayList<>(worked(reversed));
        Collections.reverse(backward);
        backward.forEach(Runnable::run);
        backward.forEach(Runnable::run);
        assertThat(body(get("/api/scoring/results/2007/" + reversed).with(CITY_OFFICE)))
                .isEqualTo(first.replace(inOrder, reversed).replace("520202", "520203"));
    }

    @Test
    void aUnitSeesItsOwnResultItsRegionSeesItAndOthersDoNot() throws Exception {
        String unit = "520204-FGJ";
        worked(unit).forEach(Runnable::run);
        String path = "/api/scoring/results/2007/" + unit;

        mvc.perform(get(path).with(user("520204", "county", "leader"))).andExpect(status().isOk());
        mvc.perform(get(path).with(CITY_OFFICE)).andExpect(status().isOk());
        mvc.perform(get(path).with(user("520201", "county", "target-office")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get(path).with(user("520204-CZJ", "department", "reporter"))).andExpect(status().isNotFound());
        mvc.perform(get(path).with(PROVINCE)).andExpect(status().isForbidden());
        mvc.perform(get(path + ".xlsx").with(user("520201", "county"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/scoring/results/2006/" + unit).with(CITY_OFFICE)).andExpect(status().isNotFound());
    }

    @Test
    void theResultOpensAsAnExcelSheetCarryingTheTotal() throws Exception {
        String unit = "520205-FGJ";
        worked(unit).forEach(Runnable::run);

        byte[] xlsx = mvc.perform(get("/api/scoring/results/2007/" + unit + ".xlsx").with(CITY_OFFICE))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.findSheet("考核结果").orElseThrow();
            List<Row> rows = sheet.read();
            assertThat(rows.getFirst().getCellText(0)).contains("试算");
            Map<String, Row> byLabel = rows.stream().filter(r -> r.getCellCount() > 0 && !r.getCellText(0).isEmpty())
                    .collect(Collectors.toMap(r -> r.getCellText(0), r -> r, (a, b) -> a));
            assertThat(byLabel.get("序号").getCellText(9)).isEqualTo("年末完成率");
            assertThat(byLabel.get("总分").getCellAsNumber(1)).hasValueSatisfying(
                    t -> assertThat(t).isEqualByComparingTo("53"));
            assertThat(byLabel.get("3").getCellText(12)).isEqualTo("是");
            assertThat(wb.findSheet("得分说明").orElseThrow().read()).anySatisfy(
                    r -> assertThat(r.getCellText(1)).startsWith("总分 = 基本分 53.0000"));
        }
    }

    @Test
    void aCategoryIsRankedOverAllItsUnitsAndEachCallerSeesWhatItMay() throws Exception {
        worked("520206-FGJ").forEach(Runnable::run);
        unit("520206-CZJ", "钟山区财政局", "DEPARTMENTS");
        assign("2007-C1@520206-CZJ", "520206-CZJ", "40", IndicatorKind.CUMULATIVE, 1);
        assign("2007-C2@520206-CZJ", "520206-CZJ", "60", IndicatorKind.QUALITATIVE, 1);
        verified("2007-C1@520206-CZJ", "520206-CZJ", "200712", "1.3", "2008-01-20T00:00:00Z");
        milestonesReported("2007-C2@520206-CZJ", "520206-CZJ", "200712", "1"); // every milestone done
        unit("520206-SJJ", "钟山区审计局", "DEPARTMENTS");
        assign("2007-S1@520206-SJJ", "520206-SJJ", "50", IndicatorKind.CUMULATIVE, 1); // scores add up to 50 only
        String path = "/api/scoring/rankings/2007?category=DEPARTMENTS&issuer=520206";

        mvc.perform(get(path).with(user("520206", "county", "target-office")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.preview", is(true)))
                .andExpect(jsonPath("$.units", hasSize(2)))
                .andExpect(jsonPath("$.units[0].unitCode", is("520206-CZJ")))
                .andExpect(jsonPath("$.units[0].place", is(1)))
                .andExpect(jsonPath("$.units[0].displayTotal", is("100.00")))
                .andExpect(jsonPath("$.units[0].grade", is("FIRST")))
                .andExpect(jsonPath("$.units[1].unitCode", is("520206-FGJ")))
                .andExpect(jsonPath("$.units[1].place", is(2)))
                .andExpect(jsonPath("$.units[1].grade", is("FAIL")))
                .andExpect(jsonPath("$.notRanked", hasSize(1)))
                .andExpect(jsonPath("$.notRanked[0].unitCode", is("520206-SJJ")))
                .andExpect(jsonPath("$.notRanked[0].field", is("items")))
                .andExpect(jsonPath("$.notRanked[0].reason", containsString("标准分合计50")));
        mvc.perform(get(path).with(user("520206-FGJ", "department", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units", hasSize(1)))
                .andExpect(jsonPath("$.units[0].place", is(2)))
                .andExpect(jsonPath("$.notRanked", hasSize(0)));
        mvc.perform(get(path).with(user("520201", "county"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.units", hasSize(0)));
        mvc.perform(get(path).with(PROVINCE)).andExpect(status().isForbidden());
        mvc.perform(get("/api/scoring/rankings/2007?category=COUNTIES&issuer=520206").with(CITY_OFFICE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("category")));
    }

    @Test
    void aUnitWithoutAnAssessmentCategoryOrWithScoresNotAddingUpTo100IsRefusedWithTheReason() throws Exception {
        assign("2007-X1@520207", "520207", "100", IndicatorKind.CUMULATIVE, 1);
        mvc.perform(get("/api/scoring/results/2007/520207").with(CITY_OFFICE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field", is("category")));

        unit("520207-SJJ", "钟山区审计局", "DEPARTMENTS");
        assign("2007-S1@520207-SJJ", "520207-SJJ", "50", IndicatorKind.CUMULATIVE, 1);
        assign("2007-S2@520207-SJJ", "520207-SJJ", "50", IndicatorKind.CUMULATIVE, 1);
        assign("2007-S3@520207-SJJ", "520207-SJJ", "20", IndicatorKind.CUMULATIVE, 1);
        mvc.perform(get("/api/scoring/results/2007/520207-SJJ").with(CITY_OFFICE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field", is("items")));
        withdraw("2007-S3@520207-SJJ", "520207-SJJ", 2);
        mvc.perform(get("/api/scoring/results/2007/520207-SJJ").with(CITY_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].basis", is("NONE")))
                .andExpect(jsonPath("$.displayTotal", is("0.00")));
    }

    @Test
    void theRuleSetInForceIsTheDefaultUntilOneIsStoredAndEveryoneButTheProvinceReadsIt() throws Exception {
        mvc.perform(get("/api/scoring/rule-sets/2007").with(user("520201-FGJ", "department", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source", is("DEFAULT")))
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.fraudFactor").value(-0.5))
                .andExpect(jsonPath("$.grades[0].category", is("DEPARTMENTS")))
                .andExpect(jsonPath("$.grades[0].firstPlaces", is(8)));
        mvc.perform(get("/api/scoring/rule-sets/2007").with(PROVINCE)).andExpect(status().isForbidden());

        RuleSet stricter = RuleSet.defaultFor(2009);
        stricter.revise(stricter.rules().withFraudFactor(new BigDecimal("-1")));
        stricter.freeze();
        assertThat(ruleSets.save("520208", stricter)).isTrue();   // the county's rules: its departments are assessed under them
        mvc.perform(get("/api/scoring/rule-sets/2009").with(CITY_OFFICE))   // the city's own are still seed 003's
                .andExpect(jsonPath("$.issuer", is("520200")))
                .andExpect(jsonPath("$.source", is("DEFAULT")));
        mvc.perform(get("/api/scoring/rule-sets/2009").param("issuer", "520208").with(CITY_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer", is("520208")))
                .andExpect(jsonPath("$.source", is("STORED")))
                .andExpect(jsonPath("$.version", is(2)))
                .andExpect(jsonPath("$.frozen", is(true)))
                .andExpect(jsonPath("$.fraudFactor").value(-1));
        String unit = "520208-FGJ";
        worked(unit, 2009).forEach(Runnable::run);
        mvc.perform(get("/api/scoring/results/2009/" + unit).with(CITY_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ruleSet.source", is("STORED")))
                .andExpect(jsonPath("$.displayTotal", is("38.00"))); // 38 + 30 − 30
    }

    // ---- the worked department: its events, in the order a normal year sends them ----

    private List<Runnable> worked(String unitCode) {
        return worked(unitCode, 2007);
    }

    private List<Runnable> worked(String unitCode, int year) {
        String t1 = year + "-T1@" + unitCode;
        String t2 = year + "-T2@" + unitCode;
        String t3 = year + "-T3@" + unitCode;
        String t4 = year + "-T4@" + unitCode;
        String dec = year + "12";
        String next = (year + 1) + "-01-";
        return List.of(
                () -> unit(unitCode, "钟山区发改局", "DEPARTMENTS"),
                () -> assign(t1, unitCode, "40", IndicatorKind.CUMULATIVE, 1, year),
                () -> assign(t2, unitCode, "30", IndicatorKind.CUMULATIVE, 1, year),
                () -> assign(t3, unitCode, "30", IndicatorKind.CUMULATIVE, 1, year),
                () -> assign(t4, unitCode, "10", IndicatorKind.CUMULATIVE, 1, year),
                () -> withdraw(t4, unitCode, 2),
                () -> verified(t1, unitCode, year + "06", "0.5", year + "-07-10T00:00:00Z"),
                () -> reported(t1, unitCode, dec, 1, "0.90"),
                () -> verified(t1, unitCode, dec, "0.93", next + "10T00:00:00Z"),
                () -> verified(t1, unitCode, dec, "0.95", next + "20T00:00:00Z"),
                () -> reported(t2, unitCode, dec, 1, "1.05"),
                () -> verified(t2, unitCode, dec, "1.12", next + "15T00:00:00Z"),
                () -> reported(t3, unitCode, dec, 1, "1.0"),
                () -> fraudFlagged.handle(new FraudFlagged("R-" + t3, t3, unitCode, dec, 1, "虚报完成数",
                        "u-" + unitCode, "tjj", "520201-TJJ", Instant.parse(next + "25T00:00:00Z")), null));
    }

    private void unit(String code, String name, String category) {
        unitChanged.handle(new UnitChanged(code, name, "DEPARTMENT", code.substring(0, 6), null, "GOVERNMENT", null,
                category, "ACTIVE", null, List.of(), "REGISTERED", 1, LocalDate.of(2000, 1, 1)), null);
    }

    private void assign(String id, String unit, String s, IndicatorKind kind, long version) {
        assign(id, unit, s, kind, version, 2007);
    }

    private void assign(String id, String unit, String s, IndicatorKind kind, long version, int year) {
        targetAssigned.handle(new TargetAssigned(id, year + "-520201", year, id.substring(5, id.indexOf('@')),
                "目标" + id, "经济发展", unit, unit, List.of(), "520201-TJJ", kind, "亿元", BigDecimal.TEN,
                new BigDecimal(s), Frequency.MONTHLY, List.of(), List.of(), version, null, null, "LEAD", "520201",
                true, null, "OWN", null, List.of()), null);
    }

    private void withdraw(String id, String unit, long version) {
        assignmentWithdrawn.handle(new AssignmentWithdrawn(id, "2007-520201", unit, "不再考核", "office",
                Instant.parse("2007-06-01T00:00:00Z"), version), null);
    }

    private void reported(String id, String unit, String period, int version, String completion) {
        progressReported.handle(new ProgressReported("R-" + id, id, unit, period, BigDecimal.ONE,
                new BigDecimal(completion), "u-" + unit, Instant.parse("2008-01-05T00:00:00Z"), false, version,
                List.of()), null);
    }

    private void milestonesReported(String id, String unit, String period, String completion) {
        progressReported.handle(new ProgressReported("R-" + id, id, unit, period, null, new BigDecimal(completion),
                "u-" + unit, Instant.parse("2008-01-05T00:00:00Z"), false, 1, List.of()), null);
    }

    private void verified(String id, String unit, String period, String completion, String at) {
        progressVerified.handle(new ProgressVerified("R-" + id, id, unit, period, 1, ProgressVerified.VALUE_RECORDED,
                ValueSource.STATISTICS_BUREAU, BigDecimal.TEN, ValueSource.STATISTICS_BUREAU,
                new BigDecimal(completion), "tjj", "520201-TJJ", Instant.parse(at)), null);
    }

    private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        ResultActions result = mvc.perform(request).andExpect(status().isOk());
        return result.andReturn().getResponse().getContentAsString();
    }
}
