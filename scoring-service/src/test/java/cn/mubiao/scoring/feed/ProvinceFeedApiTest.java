package cn.mubiao.scoring.feed;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.dhis2.DataValue;
import cn.mubiao.contracts.dhis2.DataValueCsv;
import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.contracts.target.AssignmentWithdrawn;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.testing.InMemoryMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The province feed through the event handlers and the API, as a DHIS2 Web API client reads it with the province
 * client's token. Fixture (2007, 郑州, province indicator 豫A03 aligned with the city's target A03, 11.9亿元):
 * 中原区 410102 reported 1 in January and 2 in February, which the statistics bureau settled at 2.5; its township
 * 410102001 reported 0.5 in January; 金水区 410105 reported 3 in January, then corrected it to 3.2. The target's value
 * is the province's 60 (the city set itself 55: 就高不就低), which 金水区's assignment, told before TargetAssigned carried
 * that, does not know. Besides them a
 * target not aligned (B01), an aligned one withdrawn (C01) and one in Guizhou outside the province (520201).
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class ProvinceFeedApiTest {

    private static final JwtRequestPostProcessor PROVINCE = user("410000", "province");
    private static final String FEED = "/api/scoring/dhis2/api/dataValueSets";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("scoring-feed-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    EventHandler<TargetAssigned> targetAssigned;
    @Autowired
    EventHandler<AssignmentWithdrawn> assignmentWithdrawn;
    @Autowired
    EventHandler<ProgressReported> progressReported;
    @Autowired
    EventHandler<ProgressCorrected> progressCorrected;
    @Autowired
    EventHandler<ProgressVerified> progressVerified;

    private static boolean fed;

    @BeforeEach
    void feed() {
        if (fed) {
            return; // the handlers are idempotent, but one fixture for the class keeps the test quick
        }
        fed = true;
        assignAligned("410100-2007-A03@410102", "410102", "11.9");
        assignAligned("410100-2007-A03@410102001", "410102001", "2");
        assign("410100-2007-A03@410105", "410105", "8", "豫A03", "PROVINCE"); // told before provenance was carried
        assign("410100-2007-B01@410102", "410102", "5", null, "CITY");
        assign("410100-2007-C01@410102", "410102", "5", "豫C01", "CITY");
        assign("520200-2007-A01@520201", "520201", "5", "黔A01", "PROVINCE");
        reported("410100-2007-A03@410102", "410102", "200701", "1", "0.084", "2007-02-03T02:00:00Z");
        reported("410100-2007-A03@410102", "410102", "200702", "2", "0.168", "2007-03-03T02:00:00Z");
        progressVerified.handle(new ProgressVerified("R-A-200702", "410100-2007-A03@410102", "410102", "200702", 1,
                ProgressVerified.VALUE_RECORDED, ValueSource.STATISTICS_BUREAU, new BigDecimal("2.5"),
                ValueSource.STATISTICS_BUREAU, new BigDecimal("0.2101"), "u-410100-TJJ", "410100-TJJ",
                Instant.parse("2007-03-10T02:00:00Z")), null);
        reported("410100-2007-A03@410102001", "410102001", "200701", "0.5", "0.25", "2007-02-04T02:00:00Z");
        reported("410100-2007-A03@410105", "410105", "200701", "3", "0.375", "2007-02-05T02:00:00Z");
        progressCorrected.handle(new ProgressCorrected("R-C-200701", "410100-2007-A03@410105", "410105", "200701", 2,
                new BigDecimal("3.2"), new BigDecimal("0.4"), List.of(), "统计口径更正", "u-410105",
                Instant.parse("2007-02-06T02:00:00Z"), false), null);
        reported("410100-2007-B01@410102", "410102", "200701", "1", "0.2", "2007-02-03T02:00:00Z");
        reported("410100-2007-C01@410102", "410102", "200701", "1", "0.2", "2007-02-03T02:00:00Z");
        assignmentWithdrawn.handle(new AssignmentWithdrawn("410100-2007-C01@410102", "410100-2007", "410102", "不再考核",
                "u-410100", Instant.parse("2007-02-10T02:00:00Z"), 2), null);
        reported("520200-2007-A01@520201", "520201", "200701", "1", "0.2", "2007-02-03T02:00:00Z");
    }

    @Test
    void theProvinceReadsEachAlignedAssignmentsValueThatCountsPerPeriodAndUnitAsDhis2DataValues() throws Exception {
        String body = mvc.perform(get(FEED).with(PROVINCE))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/json"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        JsonNode values = json.readTree(body).get("dataValues");
        assertThat(rows(values)).containsExactly(
                "豫A03 200701 410102 1", "豫A03 200702 410102 2.5", "豫A03 200701 410102001 0.5",
                "豫A03 200701 410105 3.2");
        JsonNode verified = values.get(1);
        assertThat(verified.get("categoryOptionCombo").asString()).isEqualTo("default");
        assertThat(verified.get("attributeOptionCombo").asString()).isEqualTo("default");
        assertThat(verified.get("lastUpdated").asString()).isEqualTo("2007-03-10T02:00:00Z");
        assertThat(verified.get("followup").asBoolean()).isFalse();
        JsonNode comment = json.readTree(verified.get("comment").asString());
        assertThat(comment.get("targetValue").asString()).isEqualTo("11.9");
        assertThat(comment.get("completion").asString()).isEqualTo("0.2101");
        assertThat(comment.get("targetSource").asString()).isEqualTo("PROVINCE");
        assertThat(comment.get("basis").asString()).isEqualTo("VERIFIED");
        assertThat(comment.get("valueSource").asString()).isEqualTo("STATISTICS_BUREAU");
        assertThat(comment.get("assignmentId").asString()).isEqualTo("410100-2007-A03@410102");
        JsonNode reported = json.readTree(values.get(0).get("comment").asString());
        assertThat(reported.get("basis").asString()).isEqualTo("REPORTED");
        assertThat(reported.has("valueSource")).isFalse();
    }

    @Test
    void theProvinceFeedCarriesTheProvenanceOfEachTargetValue() throws Exception {
        String body = mvc.perform(get(FEED + "?period=200702").with(PROVINCE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        JsonNode comment = json.readTree(json.readTree(body).get("dataValues").get(0).get("comment").asString());
        assertThat(comment.get("targetValue").asString()).isEqualTo("11.9");
        assertThat(comment.get("targetValueProvenance").asString()).isEqualTo("PROVINCE");
        assertThat(comment.get("provinceTargetValue").asString()).isEqualTo("60");
        assertThat(comment.get("cityTargetValue").asString()).isEqualTo("55");
        assertThat(json.readTree(body).get("dataValues").get(0).get("comment").asString())
                .startsWith("{\"targetValue\":\"11.9\",\"targetValueProvenance\":\"PROVINCE\"");
    }

    @Test
    void anAssignmentToldBeforeTargetAssignedCarriedTheProvenanceIsFedWithoutItAndReplaysChangeNothing() throws Exception {
        // the old event of 金水区 and the new one of 中原区 delivered again
        assign("410100-2007-A03@410105", "410105", "8", "豫A03", "PROVINCE");
        assignAligned("410100-2007-A03@410102", "410102", "11.9");

        String body = mvc.perform(get(FEED + "?period=200701").with(PROVINCE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        JsonNode values = json.readTree(body).get("dataValues");
        JsonNode old = json.readTree(values.get(2).get("comment").asString());
        assertThat(values.get(2).get("orgUnit").asString()).isEqualTo("410105");
        assertThat(old.get("targetValue").asString()).isEqualTo("8");
        assertThat(old.get("targetSource").asString()).isEqualTo("PROVINCE");
        assertThat(old.has("targetValueProvenance")).isFalse();
        assertThat(old.has("provinceTargetValue")).isFalse();
        JsonNode aligned = json.readTree(values.get(0).get("comment").asString());
        assertThat(aligned.get("targetValueProvenance").asString()).isEqualTo("PROVINCE");
        assertThat(aligned.get("cityTargetValue").asString()).isEqualTo("55");
    }

    @Test
    void csvAnswersCarryTheSameValuesInDhis2sColumnsForTheSuffixAndForTheAcceptHeader() throws Exception {
        String json = mvc.perform(get(FEED + ".json").with(PROVINCE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (var request : List.of(get(FEED + ".csv").with(PROVINCE),
                get(FEED).header("Accept", "application/csv").with(PROVINCE))) {
            String csv = mvc.perform(request)
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("application/csv;charset=UTF-8"))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

            assertThat(csv).startsWith(DataValueCsv.HEADER + "\r\n");
            List<DataValue> read = DataValueCsv.read(csv, true, 100);
            assertThat(read).extracting(v -> v.dataElement() + " " + v.period() + " " + v.orgUnit() + " " + v.value())
                    .containsExactlyElementsOf(rows(this.json.readTree(json).get("dataValues")));
            assertThat(read.get(1).comment()).isEqualTo(this.json.readTree(json).get("dataValues").get(1)
                    .get("comment").asString());
        }
    }

    @Test
    void dhis2sQueryParametersFilterByPeriodDatesOrgUnitWithChildrenAndLastUpdated() throws Exception {
        assertThat(feed("?period=200702")).containsExactly("豫A03 200702 410102 2.5");
        assertThat(feed("?period=200701,200702&dataSet=ANY")).hasSize(4);
        assertThat(feed("?startDate=2007-01-01&endDate=2007-01-31")).containsExactly(
                "豫A03 200701 410102 1", "豫A03 200701 410102001 0.5", "豫A03 200701 410105 3.2");
        assertThat(feed("?startDate=2007-02-01&endDate=2007-12-31")).containsExactly("豫A03 200702 410102 2.5");
        assertThat(feed("?orgUnit=410102")).containsExactly("豫A03 200701 410102 1", "豫A03 200702 410102 2.5");
        assertThat(feed("?orgUnit=410102&children=true")).containsExactly(
                "豫A03 200701 410102 1", "豫A03 200702 410102 2.5", "豫A03 200701 410102001 0.5");
        assertThat(feed("?orgUnit=410100&children=true&idScheme=code")).hasSize(4);
        assertThat(feed("?lastUpdated=2007-02-06")).containsExactly(
                "豫A03 200702 410102 2.5", "豫A03 200701 410105 3.2");
        assertThat(feed("?lastUpdated=2007-03-10T02:00:00Z")).containsExactly("豫A03 200702 410102 2.5");
        assertThat(feed("?period=2008")).isEmpty();
    }

    @Test
    void aParameterTheFeedCannotServeIsA400ProblemNamingIt() throws Exception {
        mvc.perform(get(FEED + "?idScheme=name").with(PROVINCE)).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.field", is("idScheme")));
        mvc.perform(get(FEED + "?period=2007W03").with(PROVINCE)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("period")));
    }

    @Test
    void onlyTheProvinceClientReadsTheFeedEveryoneElseIs403AndNoTokenIs401() throws Exception {
        for (var other : List.of(user("410100", "city", "target-office"), user("410102", "county", "reporter"),
                user("410100", "city", "auditor"), user("410100-TJJ", "department", "monitor"))) {
            for (String path : List.of(FEED, FEED + ".json", FEED + ".csv", "/api/scoring/dhis2/api/system/info")) {
                mvc.perform(get(path).with(other)).andExpect(status().isForbidden());
            }
        }
        mvc.perform(get(FEED)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/scoring/dhis2/api/system/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/scoring/rule-sets/2007").with(PROVINCE)).andExpect(status().isForbidden());
    }

    @Test
    void systemInfoTellsADhis2ClientTheBaseUrlVersionAndZone() throws Exception {
        mvc.perform(get("/api/scoring/dhis2/api/system/info").with(PROVINCE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is("2.40.0")))
                .andExpect(jsonPath("$.contextPath", endsWith("/api/scoring/dhis2")))
                .andExpect(jsonPath("$.serverTimeZoneId", is("Asia/Shanghai")));
    }

    @Test
    void systemInfosContextPathIsTheBaseUrlTheProvinceReachedThroughTheGateway() throws Exception {
        mvc.perform(get("/api/scoring/dhis2/api/system/info").with(PROVINCE)
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "mubiao.example.cn"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contextPath", is("https://mubiao.example.cn/api/scoring/dhis2")));
    }

    private List<String> feed(String query) throws Exception {
        String body = mvc.perform(get(FEED + query).with(PROVINCE)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return rows(json.readTree(body).get("dataValues"));
    }

    private static List<String> rows(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.get("dataElement").asString() + " " + v.get("period").asString() + " "
                + v.get("orgUnit").asString() + " " + v.get("value").asString()));
        return out;
    }

    private void assign(String id, String unit, String targetValue, String provinceCode, String source) {
        targetAssigned.handle(new TargetAssigned(id, id.substring(0, 11), 2007, id.substring(12, id.indexOf('@')),
                "新增城镇固定资产投资", "LEAP", unit, null, List.of(), "410100-TJJ", IndicatorKind.CUMULATIVE, "亿元",
                new BigDecimal(targetValue), new BigDecimal("10"), Frequency.MONTHLY, List.of(), List.of(), 1, null, null,
                "SHARE", "410100", true, null, source, provinceCode, List.of()), null);
    }

    private void assignAligned(String id, String unit, String targetValue) {
        targetAssigned.handle(new TargetAssigned(id, id.substring(0, 11), 2007, id.substring(12, id.indexOf('@')),
                "新增城镇固定资产投资", "LEAP", unit, null, List.of(), "410100-TJJ", IndicatorKind.CUMULATIVE, "亿元",
                new BigDecimal(targetValue), new BigDecimal("10"), Frequency.MONTHLY, List.of(), List.of(), 1, null, null,
                "SHARE", "410100", true, null, "PROVINCE", "豫A03", List.of(), new BigDecimal("60"), new BigDecimal("55"),
                "PROVINCE"), null);
    }

    private void reported(String id, String unit, String period, String value, String completion, String at) {
        progressReported.handle(new ProgressReported("R-" + id + "-" + period, id, unit, period, new BigDecimal(value),
                new BigDecimal(completion), "u-" + unit, Instant.parse(at), false), null);
    }
}
