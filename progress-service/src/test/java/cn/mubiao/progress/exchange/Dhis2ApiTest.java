package cn.mubiao.progress.exchange;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The DHIS2 endpoints over HTTP, on the reports themselves (the real ledger), fed as target events would. */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h", "mubiao.progress.dhis2.max-rows=3"})
@AutoConfigureMockMvc
class Dhis2ApiTest {

    static final String SETS = "/api/progress/dhis2/api/dataValueSets";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("progress-dhis2-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AssignmentStore assignments;
    @Autowired
    MongoDatabase db;

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2007-08-03T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @BeforeEach
    void zhongyuanAndJinshuiHoldTheInvestmentTarget() {
        db.getCollection("reports").drop();
        for (String[] u : new String[][]{{"410102", "中原区"}, {"410105", "金水区"}}) {
            assignments.save(new Assignment("410100-2007-A03@" + u[0], u[0], u[1], 2007, "新增城镇固定资产投资",
                    IndicatorKind.CUMULATIVE, new BigDecimal("200"), "亿元", Frequency.MONTHLY, List.of(), "410100-TJJ", 1));
        }
    }

    /** Stored versions and values of every report. */
    private long writes() {
        long n = 0;
        for (Document d : db.getCollection("reports").find()) {
            n += d.getList("versions", Document.class, List.of()).size() + d.getList("values", Document.class, List.of()).size();
        }
        return n;
    }

    static JwtRequestPostProcessor zyReporter() {
        return user("410102", "county", "reporter");
    }

    private static MockHttpServletRequestBuilder json(String body) {
        return post(SETS).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static MockHttpServletRequestBuilder csv(String body) {
        return post(SETS).contentType("application/csv").content(body.getBytes(StandardCharsets.UTF_8));
    }

    private static final String TWO_GOOD = """
            {"dataSet":"410100-2007","period":"200707","orgUnit":"410102","dataValues":[
              {"dataElement":"410100-2007-A03","value":"5","comment":"完成投资"},
              {"dataElement":"410100-2007-A03","period":"200706","value":4}]}""";

    @Test
    void aCleanImportAnswersDhis2sSuccessfulImportSummary() throws Exception {
        mvc.perform(json(TWO_GOOD).param("idScheme", "code").with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.httpStatus", is("OK")))
                .andExpect(jsonPath("$.httpStatusCode", is(200)))
                .andExpect(jsonPath("$.status", is("OK")))
                .andExpect(jsonPath("$.message", is("Import was successful.")))
                .andExpect(jsonPath("$.response.responseType", is("ImportSummary")))
                .andExpect(jsonPath("$.response.status", is("SUCCESS")))
                .andExpect(jsonPath("$.response.importCount.imported", is(2)))
                .andExpect(jsonPath("$.response.importCount.updated", is(0)))
                .andExpect(jsonPath("$.response.importCount.ignored", is(0)))
                .andExpect(jsonPath("$.response.importCount.deleted", is(0)))
                .andExpect(jsonPath("$.response.conflicts", hasSize(0)))
                .andExpect(jsonPath("$.response.importOptions.idSchemes.idScheme.identifiableProperty", is("CODE")));
        assertThat(writes()).isEqualTo(2);
    }

    @Test
    void theImportOptionsNameEachIdSchemeAsDhis2sIdSchemeObjectNotAString() throws Exception {
        mvc.perform(json(TWO_GOOD).param("idScheme", "uid").param("dataElementIdScheme", "code").param("dryRun", "true")
                        .with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.response.importOptions.idSchemes.idScheme.identifiableProperty", is("UID")))
                .andExpect(jsonPath("$.response.importOptions.idSchemes.dataElementIdScheme.identifiableProperty", is("CODE")))
                .andExpect(jsonPath("$.response.importOptions.idSchemes.orgUnitIdScheme.identifiableProperty", is("UID")))
                .andExpect(jsonPath("$.response.importOptions.dryRun", is(true)));
    }

    @Test
    void ignoredRowsMakeIt409WarningWithOneConflictEach() throws Exception {
        mvc.perform(json(TWO_GOOD).with(zyReporter())).andExpect(status().isOk());

        mvc.perform(json("""
                        {"dataValues":[
                          {"dataElement":"410100-2007-A03","period":"200707","orgUnit":"410102","value":"6"},
                          {"dataElement":"410100-2007-A03","period":"200707","orgUnit":"410105","value":"6"},
                          {"dataElement":"410100-2007-A03","period":"200707","orgUnit":"410102","value":"六"}]}""")
                        .with(zyReporter()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.httpStatus", is("Conflict")))
                .andExpect(jsonPath("$.status", is("WARNING")))
                .andExpect(jsonPath("$.message", containsString("conflicts")))
                .andExpect(jsonPath("$.response.status", is("WARNING")))
                .andExpect(jsonPath("$.response.importCount.updated", is(1)))
                .andExpect(jsonPath("$.response.importCount.ignored", is(2)))
                .andExpect(jsonPath("$.response.conflicts[0].object", is("410100-2007-A03")))
                .andExpect(jsonPath("$.response.conflicts[0].property", is("dataElement")))
                .andExpect(jsonPath("$.response.conflicts[0].indexes[0]", is(1)))
                .andExpect(jsonPath("$.response.conflicts[1].object", is("六")))
                .andExpect(jsonPath("$.response.conflicts[1].property", is("value")))
                .andExpect(jsonPath("$.response.rejectedIndexes", hasSize(2)));
    }

    @Test
    void aDryRunAnswersTheCountsAndWritesNothing() throws Exception {
        mvc.perform(json(TWO_GOOD).param("dryRun", "true").with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.response.importCount.imported", is(2)))
                .andExpect(jsonPath("$.response.importOptions.dryRun", is(true)));
        assertThat(writes()).isZero();
    }

    @Test
    void csvWithAChineseCommentImportsAndComesBackAsCsv() throws Exception {
        mvc.perform(csv("""
                        dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup
                        410100-2007-A03,200707,410102,,,5,,,"完成投资，""重点""项目开工",false
                        """).with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.response.importCount.imported", is(1)));

        String expected = "410100-2007-A03,200707,410102,default,default,5,u-410102,2007-08-03T02:00:00Z,"
                + "\"完成投资，\"\"重点\"\"项目开工\",false";
        mvc.perform(get(SETS).header("Accept", "application/csv").with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/csv"))
                .andExpect(content().string(containsString(expected)));
        mvc.perform(get(SETS + ".csv").with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(content().encoding(StandardCharsets.UTF_8))
                .andExpect(content().string(containsString(expected)));
    }

    @Test
    void anExportedJsonSetImportsBackAsUpdates() throws Exception {
        mvc.perform(json(TWO_GOOD).with(zyReporter())).andExpect(status().isOk());

        String exported = mvc.perform(get(SETS).param("orgUnit", "410102").param("period", "200706")
                        .param("period", "200707").with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dataValues", hasSize(2)))
                .andExpect(jsonPath("$.dataValues[1].dataElement", is("410100-2007-A03")))
                .andExpect(jsonPath("$.dataValues[1].orgUnit", is("410102")))
                .andExpect(jsonPath("$.dataValues[1].comment", is("完成投资")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        mvc.perform(json(exported).with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.response.importCount.updated", is(2)));
    }

    @Test
    void exportShowsOnlyWhatTheCallerMaySee() throws Exception {
        mvc.perform(json(TWO_GOOD).with(zyReporter())).andExpect(status().isOk());

        mvc.perform(get(SETS + ".json").with(user("410105", "county", "reporter")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dataValues", hasSize(0)));
        mvc.perform(get(SETS).with(user("410100", "city", "target-office")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.dataValues", hasSize(2)));
    }

    @Test
    void malformedBodiesAre400Problems() throws Exception {
        mvc.perform(json("{\"dataValues\": [").with(zyReporter()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field", is("body")));
        mvc.perform(csv("h\n410100-2007-A03,200707,\"410102,,,5\n").with(zyReporter()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field", is("body")));
        assertThat(writes()).isZero();
    }

    @Test
    void unsupportedSchemesStrategiesAndAsyncAre400Problems() throws Exception {
        mvc.perform(json(TWO_GOOD).param("orgUnitIdScheme", "name").with(zyReporter()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("orgUnitIdScheme")));
        mvc.perform(json(TWO_GOOD.replace("{\"dataSet\"", "{\"idScheme\":\"attribute:X\",\"dataSet\"")).with(zyReporter()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("idScheme")));
        mvc.perform(json(TWO_GOOD).param("importStrategy", "DELETE").with(zyReporter()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("importStrategy")));
        mvc.perform(json(TWO_GOOD).param("async", "true").with(zyReporter()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("async")));
        mvc.perform(get(SETS).param("idScheme", "name").with(zyReporter()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("idScheme")));
        assertThat(writes()).isZero();
    }

    @Test
    void moreRowsThanTheSettingAllowsIs413AndNothingIsRecorded() throws Exception {
        mvc.perform(csv("h\n" + "410100-2007-A03,200707,410102,,,5\n".repeat(4)).with(zyReporter()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field", is("dataValues")));
        assertThat(writes()).isZero();
    }

    @Test
    void onlyReportersAndMonitorsImport() throws Exception {
        mvc.perform(json(TWO_GOOD).with(user("410102", "county", "leader")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(json(TWO_GOOD).with(user("410100-TJJ", "department", "monitor")))
                .andExpect(status().isOk());
    }

    @Test
    void theProvinceClientIsConfinedToItsFeed() throws Exception {
        mvc.perform(get(SETS).with(user("410000", "province"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/progress/dhis2/api/system/info").with(user("410000", "province"))).andExpect(status().isForbidden());
    }

    @Test
    void withoutATokenEverythingIs401() throws Exception {
        mvc.perform(json(TWO_GOOD)).andExpect(status().isUnauthorized());
        mvc.perform(get(SETS)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/progress/dhis2/api/system/info")).andExpect(status().isUnauthorized());
    }

    @Test
    void systemInfoTellsClientsTheVersionAndBaseUrl() throws Exception {
        mvc.perform(get("/api/progress/dhis2/api/system/info").with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is("2.40.0")))
                .andExpect(jsonPath("$.serverTimeZoneId", is("Asia/Shanghai")))
                .andExpect(jsonPath("$.contextPath", containsString("/api/progress/dhis2")));
    }

    @Test
    void systemInfosContextPathIsTheBaseUrlTheClientReachedThroughTheGateway() throws Exception {
        mvc.perform(get("/api/progress/dhis2/api/system/info").with(zyReporter())
                        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "mubiao.example.cn:8443"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contextPath", is("https://mubiao.example.cn:8443/api/progress/dhis2")));
    }
}
