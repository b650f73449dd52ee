package cn.mubiao.progress;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.kit.testing.InMemoryMongo;
import static cn.mubiao.kit.testing.Tokens.user;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class ReportApiTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("progress-api-test"));
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2007-08-03T02:00:00.123456789Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AssignmentStore assignments;
    @Autowired
    MongoDatabase db;
    @Autowired
    MeterRegistry meters;

    private String assignmentId;

    @BeforeEach
    void anInvestmentTargetAssignedToZhongyuan() {
        assignmentId = "2007-A03@410102-" + UUID.randomUUID();
        assignments.save(new Assignment(assignmentId, "410102", "中原区", 2007, "新增城镇固定资产投资",
                IndicatorKind.CUMULATIVE, new BigDecimal("200"), "亿元", Frequency.MONTHLY, java.util.List.of(), "410100-TJJ", 1));
    }

    static JwtRequestPostProcessor zyReporter() {
        return user("410102", "county", "reporter");
    }

    private MockHttpServletRequestBuilder report(String body) {
        return post("/api/progress/reports").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String july(String actual) {
        return """
                {"assignmentId":"%s","period":"200707","cumulativeActual":%s,
                 "narrative":{"progress":"完成投资","problems":"资金到位慢","measures":"加快审批"}}""".formatted(assignmentId, actual);
    }

    @Test
    void acceptsAReportAndStoresItTogetherWithItsEvent() throws Exception {
        mvc.perform(report(july("95")).with(zyReporter()).header("Idempotency-Key", "k-" + assignmentId))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/progress/reports/")))
                .andExpect(jsonPath("$.completionPercent", is(47.5)))
                .andExpect(jsonPath("$.late", is(false)))
                .andExpect(jsonPath("$.problems", is("资金到位慢")));

        Document stored = db.getCollection("reports").find(Filters.eq("assignmentId", assignmentId)).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getList("outbox", Document.class)).singleElement()
                .satisfies(e -> assertThat(e.getString("type")).isEqualTo(ProgressReported.TYPE));
    }

    @Test
    void aReportLeavesNoPerRequestMetersNobodyCanRead() throws Exception {
        mvc.perform(report(july("95")).with(zyReporter())).andExpect(status().isCreated());

        // no metrics endpoint is exposed: no timer per HTTP request or per MongoDB command (mubiao-kit.yml)
        assertThat(meters.find("http.server.requests").meters()).isEmpty();
        assertThat(meters.find("mongodb.driver.commands").meters()).isEmpty();
    }

    @Test
    void replayWithTheSameIdempotencyKeyReturnsTheStoredReportAndRecordsNothingNew() throws Exception {
        String key = "k-" + assignmentId;
        String first = mvc.perform(report(july("5")).with(zyReporter()).header("Idempotency-Key", key))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        mvc.perform(report(july("5")).with(zyReporter()).header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(content().string(first));

        assertThat(db.getCollection("reports").countDocuments(Filters.eq("assignmentId", assignmentId))).isEqualTo(1);
    }

    @Test
    void reusingAKeyForADifferentReportIsRefused() throws Exception {
        String key = "k-" + assignmentId;
        mvc.perform(report(july("95")).with(zyReporter()).header("Idempotency-Key", key)).andExpect(status().isCreated());

        mvc.perform(report(july("99")).with(zyReporter()).header("Idempotency-Key", key))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field", is("Idempotency-Key")));
    }

    @Test
    void aSecondReportForTheSamePeriodIsAConflict() throws Exception {
        mvc.perform(report(july("95")).with(zyReporter())).andExpect(status().isCreated());

        mvc.perform(report(july("96")).with(zyReporter()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field", is("period")));
    }

    @Test
    void rejectsANegativeActualNamingTheField() throws Exception {
        mvc.perform(report(july("-1")).with(zyReporter()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", is("cumulativeActual")));
        assertThat(db.getCollection("reports").countDocuments(Filters.eq("assignmentId", assignmentId))).isZero();
    }

    @Test
    void rejectsAnActualWithMoreDigitsThanCanBeStoredNamingTheFieldAndWritesNothing() throws Exception {
        for (String value : java.util.List.of("95.0000000000000000000000000000000000001", "1e7000")) {
            mvc.perform(report(july(value)).with(zyReporter()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field", is("cumulativeActual")));
        }
        assertThat(db.getCollection("reports").countDocuments(Filters.eq("assignmentId", assignmentId))).isZero();
    }

    @Test
    void rejectsANonNumericActualNamingTheField() throws Exception {
        mvc.perform(report(july("\"ninety\"")).with(zyReporter()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("cumulativeActual")));
    }

    @Test
    void rejectsMalformedJson() throws Exception {
        mvc.perform(report("{\"assignmentId\": ").with(zyReporter()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("body")));
    }

    @Test
    void rejectsAPeriodThatIsNotTheAssignmentsFrequency() throws Exception {
        mvc.perform(report(july("95").replace("200707", "2007Q2")).with(zyReporter()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("period")));
    }

    @Test
    void rejectsAPeriodInTheFuture() throws Exception {
        mvc.perform(report(july("95").replace("200707", "200709")).with(zyReporter()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("period")))
                .andExpect(jsonPath("$.detail", containsString("future")));
    }

    @Test
    void aReportForAnotherUnitsAssignmentIsNotFoundWithoutHintingItExists() throws Exception {
        mvc.perform(report(july("95")).with(user("410105", "county", "reporter")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void onlyReportersReport() throws Exception {
        mvc.perform(report(july("95")).with(user("410102", "county", "leader")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aMissingTokenIs401WithProblemDetails() throws Exception {
        mvc.perform(report(july("95")))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theMonitorReadsTheReportsOfWhatItMonitorsButAnotherCountyDoesNot() throws Exception {
        mvc.perform(report(july("95")).with(zyReporter())).andExpect(status().isCreated());

        mvc.perform(get("/api/progress/reports").param("assignmentId", assignmentId).with(user("410100-TJJ", "department", "monitor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].period", is("200707")));
        mvc.perform(get("/api/progress/reports").param("assignmentId", assignmentId).with(user("410105", "county", "leader")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theProvinceClientReadsOnlyItsFeedNotReports() throws Exception {
        mvc.perform(get("/api/progress/reports").param("assignmentId", assignmentId).with(user("410000", "province")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theApiIsDescribedInOpenApiWithItsBearerScheme() throws Exception {
        mvc.perform(get("/api/progress/openapi").with(zyReporter()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title", containsString("progress-service")))
                .andExpect(jsonPath("$.paths['/api/progress/reports/{id}/corrections'].post").exists())
                .andExpect(jsonPath("$.paths['/api/progress/dhis2/api/dataValueSets'].post").exists())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme", is("bearer")));
    }
}
