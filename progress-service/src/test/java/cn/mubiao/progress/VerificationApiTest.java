package cn.mubiao.progress;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReturned;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.target.AssignmentWithdrawn;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
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
import org.springframework.test.web.servlet.ResultActions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Corrections, drafts, verification, sourced values and roll-up through the API, fed by target events. */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h",
        "mubiao.progress.statistics-bureaus=410100-TJJ"})
@AutoConfigureMockMvc
class VerificationApiTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("progress-verification-test"));
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2007-08-03T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoDatabase db;
    @Autowired
    AssignmentStore assignments;
    @Autowired
    EventHandler<TargetAssigned> targetAssigned;
    @Autowired
    EventHandler<AssignmentWithdrawn> assignmentWithdrawn;

    private String target;
    private String lead;
    private String zhongyuan;
    private String jinshui;

    /** A city target led by 市发改委 (monitor 市经委), split to 中原区 120 and 金水区 90. */
    @BeforeEach
    void aSplitTarget() {
        target = "410100-2007-T" + UUID.randomUUID().toString().substring(0, 6);
        lead = target + "@410100-FGW";
        zhongyuan = target + "@410102";
        jinshui = target + "@410105";
        assign(jinshui, "410105", "金水区", "90", "SHARE", 1);
        assign(lead, "410100-FGW", "市发改委", "200", "LEAD", 1);
        assign(zhongyuan, "410102", "中原区", "120", "SHARE", 1);
    }

    private void assign(String id, String unit, String name, String value, String role, long version) {
        targetAssigned.handle(new TargetAssigned(id, "410100-2007", 2007, "T", "新增城镇固定资产投资", "跨越式发展目标", unit,
                name, List.of(), "410100-JWJ", IndicatorKind.CUMULATIVE, "亿元", new BigDecimal(value), BigDecimal.TEN,
                Frequency.MONTHLY, List.of(), List.of(), version, target, null, role, "410100", true, null, "CITY",
                null, List.of()), null);
    }

    static JwtRequestPostProcessor zyReporter() {
        return user("410102", "county", "reporter");
    }

    static JwtRequestPostProcessor businessDepartment() {
        return user("410100-JWJ", "department", "monitor");
    }

    static JwtRequestPostProcessor statisticsBureau() {
        return user("410100-TJJ", "department", "monitor");
    }

    private ResultActions report(String assignmentId, String actual) throws Exception {
        return mvc.perform(post("/api/progress/reports").with(zyReporter()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"assignmentId\":\"%s\",\"period\":\"200707\",\"cumulativeActual\":%s}".formatted(assignmentId, actual)));
    }

    private ResultActions decide(JwtRequestPostProcessor who, String reportId, String body) throws Exception {
        return mvc.perform(post("/api/progress/reports/{id}/verification", reportId).with(who)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private List<String> outboxTypes(String reportId) {
        Document d = db.getCollection("reports").find(Filters.eq("_id", reportId)).first();
        return d == null ? List.of() : d.getList("outbox", Document.class, List.of()).stream().map(e -> e.getString("type")).toList();
    }

    @Test
    void theMonitorAcceptsAReportAndItsValueBecomesVerified() throws Exception {
        report(zhongyuan, "60").andExpect(status().isCreated());
        String id = zhongyuan + ":200707";

        decide(businessDepartment(), id, "{\"decision\":\"ACCEPT\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("ACCEPTED")))
                .andExpect(jsonPath("$.verified", is(true)))
                .andExpect(jsonPath("$.effective.source", is("SELF_REPORT")))
                .andExpect(jsonPath("$.verifications[0].unitCode", is("410100-JWJ")));
        assertThat(outboxTypes(id)).last().isEqualTo(ProgressVerified.TYPE);
    }

    @Test
    void aUnitThatSeesTheReportButIsNotItsMonitorGets403AndAnotherCounty404() throws Exception {
        report(zhongyuan, "60").andExpect(status().isCreated());
        String id = zhongyuan + ":200707";

        decide(user("410100", "city", "monitor"), id, "{\"decision\":\"ACCEPT\"}").andExpect(status().isForbidden());
        decide(user("410105", "county", "monitor"), id, "{\"decision\":\"ACCEPT\"}").andExpect(status().isNotFound());
        decide(zyReporter(), id, "{\"decision\":\"ACCEPT\"}").andExpect(status().isForbidden());

        mvc.perform(get("/api/progress/reports/{id}", id).with(zyReporter())).andExpect(jsonPath("$.status", is("SUBMITTED")));
    }

    @Test
    void aReturnWithoutAReasonIsRefusedAndWritesNothing() throws Exception {
        report(zhongyuan, "60").andExpect(status().isCreated());
        String id = zhongyuan + ":200707";

        decide(businessDepartment(), id, "{\"decision\":\"RETURN\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("reason")));
        decide(businessDepartment(), id, "{\"decision\":\"MAYBE\"}").andExpect(status().isBadRequest());

        assertThat(outboxTypes(id)).hasSize(1);
    }

    @Test
    void aReturnedReportIsCorrectedWithAReasonAndKeepsBothVersions() throws Exception {
        report(zhongyuan, "60").andExpect(status().isCreated());
        String id = zhongyuan + ":200707";
        decide(businessDepartment(), id, "{\"decision\":\"RETURN\",\"reason\":\"缺少佐证材料\"}")
                .andExpect(jsonPath("$.status", is("RETURNED")));
        assertThat(outboxTypes(id)).last().isEqualTo(ProgressReturned.TYPE);

        mvc.perform(post("/api/progress/reports/{id}/corrections", id).with(zyReporter())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cumulativeActual\":61.5,\"reason\":\"补充佐证并更正\",\"narrative\":{\"progress\":\"补报一个项目\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version", is(2)))
                .andExpect(jsonPath("$.status", is("SUBMITTED")))
                .andExpect(jsonPath("$.versions[0].cumulativeActual", is(60)))
                .andExpect(jsonPath("$.versions[1].cumulativeActual", is(61.5)))
                .andExpect(jsonPath("$.versions[1].reason", is("补充佐证并更正")));
        assertThat(outboxTypes(id)).last().isEqualTo(ProgressCorrected.TYPE);
    }

    @Test
    void aDraftIsSavedWithoutTellingAnyoneThenSubmitted() throws Exception {
        String id = zhongyuan + ":200707";
        mvc.perform(put("/api/progress/reports/{id}/draft", id).with(zyReporter()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"cumulativeActual\":30,\"narrative\":{\"progress\":\"初稿\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("OPEN")))
                .andExpect(jsonPath("$.draft.cumulativeActual", is(30)))
                .andExpect(jsonPath("$.version", nullValue()));
        assertThat(outboxTypes(id)).isEmpty();

        mvc.perform(post("/api/progress/reports/{id}/draft/submit", id).with(zyReporter()).header("Idempotency-Key", "d-" + id))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.progress", is("初稿")));
        mvc.perform(post("/api/progress/reports/{id}/draft/submit", id).with(zyReporter()).header("Idempotency-Key", "d-" + id))
                .andExpect(status().isOk());
        assertThat(outboxTypes(id)).hasSize(1);
    }

    @Test
    void theStatisticsBureausValueOutranksTheDepartmentsAndTheUnitsOwn() throws Exception {
        report(zhongyuan, "60").andExpect(status().isCreated());
        String id = zhongyuan + ":200707";

        mvc.perform(post("/api/progress/reports/{id}/values", id).with(businessDepartment())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\":58,\"note\":\"项目库核实\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.effective.source", is("BUSINESS_DEPARTMENT")));
        // the bureau neither monitors nor co-handles this target: it speaks for its whole region
        mvc.perform(post("/api/progress/reports/{id}/values", id).with(statisticsBureau())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\":57}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.effective.source", is("STATISTICS_BUREAU")))
                .andExpect(jsonPath("$.effective.value", is(57)))
                .andExpect(jsonPath("$.effective.completionPercent", is(47.5)))
                .andExpect(jsonPath("$.cumulativeActual", is(60)))
                .andExpect(jsonPath("$.values.length()", is(2)));

        mvc.perform(post("/api/progress/reports/{id}/values", id).with(user("410100-CZJ", "department", "monitor"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"value\":1}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/progress/reports/{id}/values", id).with(statisticsBureau())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\":-1}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field", is("value")));
    }

    @Test
    void theRollUpAddsTheChildrensVerifiedActualsBesideTheLeadsOwn() throws Exception {
        report(zhongyuan, "60").andExpect(status().isCreated());
        decide(businessDepartment(), zhongyuan + ":200707", "{\"decision\":\"ACCEPT\"}").andExpect(status().isOk());
        mvc.perform(post("/api/progress/reports").with(user("410105", "county", "reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"assignmentId\":\"%s\",\"period\":\"200707\",\"cumulativeActual\":40}".formatted(jinshui)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/progress/reports").with(user("410100-FGW", "department", "reporter")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"assignmentId\":\"%s\",\"period\":\"200707\",\"cumulativeActual\":110}".formatted(lead)))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/progress/rollup").param("assignmentId", lead).param("period", "200707").with(user("410100", "city", "leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ownValue", is(110)))
                .andExpect(jsonPath("$.childrenTotal", is(60)))
                .andExpect(jsonPath("$.children", is(2)))
                .andExpect(jsonPath("$.verifiedChildren", is(1)))
                .andExpect(jsonPath("$.complete", is(false)))
                .andExpect(jsonPath("$.parts[0].unitCode", is("410102")))
                .andExpect(jsonPath("$.parts[1].status", is("SUBMITTED")))
                .andExpect(jsonPath("$.parts[1].verifiedValue", nullValue()));

        mvc.perform(get("/api/progress/rollup").param("assignmentId", lead).param("period", "200707").with(zyReporter()))
                .andExpect(status().isNotFound());
    }

    @Test
    void replayedAndOutOfOrderTargetEventsLeaveTheNewestTerms() {
        assign(zhongyuan, "410102", "中原区", "130", "SHARE", 2);
        assign(zhongyuan, "410102", "中原区", "120", "SHARE", 1);
        assign(zhongyuan, "410102", "中原区", "130", "SHARE", 2);
        assertThat(assignments.find(zhongyuan).orElseThrow().targetValue()).isEqualByComparingTo("130");

        AssignmentWithdrawn withdrawn = new AssignmentWithdrawn(zhongyuan, "410100-2007", "410102", "项目停建", "city-office",
                Instant.parse("2007-09-01T02:00:00Z"), 3);
        assignmentWithdrawn.handle(withdrawn, null);
        assign(zhongyuan, "410102", "中原区", "130", "SHARE", 2);
        assignmentWithdrawn.handle(withdrawn, null);

        var stored = assignments.find(zhongyuan).orElseThrow();
        assertThat(stored.withdrawn()).isTrue();
        assertThat(stored.version()).isEqualTo(3);
        assertThat(assignments.childrenOf(assignments.find(lead).orElseThrow())).containsExactlyInAnyOrder(zhongyuan, jinshui);
    }

    @Test
    void aWithdrawnAssignmentRefusesReportsWithAConflict() throws Exception {
        assignmentWithdrawn.handle(new AssignmentWithdrawn(zhongyuan, "410100-2007", "410102", "项目停建", "city-office",
                Instant.parse("2007-07-01T02:00:00Z"), 2), null);

        report(zhongyuan, "60").andExpect(status().isConflict()).andExpect(jsonPath("$.field", is("assignmentId")));
        assertThat(outboxTypes(zhongyuan + ":200707")).isEmpty();
    }
}
