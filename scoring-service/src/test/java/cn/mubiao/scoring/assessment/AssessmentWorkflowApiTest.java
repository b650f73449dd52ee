package cn.mubiao.scoring.assessment;

import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.scoring.AssessmentPublished;
import cn.mubiao.contracts.scoring.ResultRevised;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.kit.testing.MovableClock;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rule set writes, the assessment's start → approval → publication, appeals and what-if, through the API. Each test
 * works in its own year (the rule set is per year) and county (拉萨 540102…).
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h",
        "mubiao.assessment.appeal-period=15d"})
@AutoConfigureMockMvc
class AssessmentWorkflowApiTest {


    @TestConfiguration
    static class Clocks {
        @Bean
        MovableClock clock() {
            return new MovableClock("2015-01-20T02:00:00Z");
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("scoring-workflow-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoDatabase db;
    @Autowired
    JsonMapper json;
    @Autowired
    MovableClock clock;
    @Autowired
    EventHandler<TargetAssigned> targetAssigned;
    @Autowired
    EventHandler<ProgressVerified> progressVerified;
    @Autowired
    EventHandler<UnitChanged> unitChanged;

    Year year;

    @BeforeEach
    void fixtures() {
        year = new Year(targetAssigned, progressVerified, unitChanged);
    }

    private static JwtRequestPostProcessor office(String county) {
        return user(county, "county", "target-office");
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                               JwtRequestPostProcessor who, String body) throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions step(int y, String step, String county) throws Exception {
        return send(post("/api/scoring/assessments/" + y + "/" + step + "?issuer=" + county), office(county), "");
    }

    private List<String> outboxTypes(int y, String unit) {
        Document d = db.getCollection("assessment_results").find(Filters.eq("_id", y + "|" + unit)).first();
        return d == null ? List.of()
                : d.getList("outbox", Document.class, List.of()).stream().map(e -> e.getString("type")).toList();
    }

    private JsonNode outboxData(int y, String unit, int index) {
        Document d = db.getCollection("assessment_results").find(Filters.eq("_id", y + "|" + unit)).first();
        return json.readTree(d.getList("outbox", Document.class).get(index).getString("data"));
    }

    @Test
    void aDraftRuleSetIsRevisedUntilTheAssessmentStartsAndThenRefused() throws Exception {
        String county = "540102";
        send(put("/api/scoring/rule-sets/2011"), office(county), "{\"fraudFactor\":-1,\"comprehensiveMax\":3}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is(2)))
                .andExpect(jsonPath("$.source", is("STORED")))
                .andExpect(jsonPath("$.frozen", is(false)))
                .andExpect(jsonPath("$.fraudFactor").value(-1))
                .andExpect(jsonPath("$.comprehensiveMax").value(3))
                .andExpect(jsonPath("$.catalogue", hasSize(22)));
        send(put("/api/scoring/rule-sets/2011"), office(county), "{\"fraudFactor\":0.5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("fraudFactor")));
        send(put("/api/scoring/rule-sets/2011"), user(county, "county", "reporter"), "{\"fraudFactor\":-1}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scoring/rule-sets/2011").with(office(county)))
                .andExpect(jsonPath("$.version", is(2))).andExpect(jsonPath("$.fraudFactor").value(-1));

        step(2011, "start", county).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("STARTED")))
                .andExpect(jsonPath("$.ruleSetVersion", is(2)));
        mvc.perform(get("/api/scoring/rule-sets/2011").with(office(county))).andExpect(jsonPath("$.frozen", is(true)));
        send(put("/api/scoring/rule-sets/2011"), office(county), "{\"fraudFactor\":-0.5}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field", is("ruleSet")));
        mvc.perform(get("/api/scoring/rule-sets/2011").with(office(county))).andExpect(jsonPath("$.version", is(2)));
    }

    @Test
    void eachGovernmentWritesItsOwnRuleSetAndNoOtherOne() throws Exception {
        String city = "540100";
        String county = "540110";
        send(put("/api/scoring/rule-sets/2020"), office(county), "{\"fraudFactor\":-1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.issuer", is(county)));
        send(put("/api/scoring/rule-sets/2020").param("issuer", city), office(county), "{\"fraudFactor\":-1}")
                .andExpect(status().isForbidden());
        send(put("/api/scoring/rule-sets/2020").param("issuer", county), office(city), "{\"fraudFactor\":0}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/scoring/rule-sets/2020").param("issuer", city).with(office(county)))
                .andExpect(jsonPath("$.source", is("DEFAULT"))).andExpect(jsonPath("$.fraudFactor").value(-0.5));
        mvc.perform(get("/api/scoring/rule-sets/2020").with(office(county)))
                .andExpect(jsonPath("$.version", is(2))).andExpect(jsonPath("$.fraudFactor").value(-1));
        mvc.perform(get("/api/scoring/rule-sets/2020").param("issuer", "540110-FGJ").with(office(county)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("issuer")));
    }

    @Test
    void theProvinceWeightIsSetInTheRuleSetAndAWeightBelowOneIsRefused() throws Exception {
        String county = "540109";
        mvc.perform(get("/api/scoring/rule-sets/2019").with(office(county))).andExpect(jsonPath("$.provinceWeight").value(1));
        send(put("/api/scoring/rule-sets/2019"), office(county), "{\"provinceWeight\":1.2}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.provinceWeight").value(1.2));
        send(put("/api/scoring/rule-sets/2019"), office(county), "{\"provinceWeight\":0.8}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("provinceWeight")));
        send(put("/api/scoring/rule-sets/2019"), office(county), "{\"fraudFactor\":-1}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.provinceWeight").value(1.2));
    }

    @Test
    void publicationStoresEveryUnitsResultAsVersionOneAndRecordsOneAssessmentPublishedEachReplaysRecordNothing()
            throws Exception {
        String county = "540103";
        year.department(2012, "540103-FGJ", "城关区发改局", "1.0", "1.0"); // 100
        year.department(2012, "540103-CZJ", "城关区财政局", "1.0", "0.5"); // 80
        String claims = "/api/scoring/assessments/2012/units/540103-CZJ/claims";
        send(post(claims), office(county), """
                {"ruleCode":"AWARD_CENTRAL","points":1,"subject":"国务院表彰","evidence":["国发〔2012〕1号"],"reviewer":"王审核"}""")
                .andExpect(status().isCreated());

        step(2012, "publication", county).andExpect(status().isConflict());
        step(2012, "approval", county).andExpect(status().isConflict());
        step(2012, "start", county).andExpect(jsonPath("$.status", is("STARTED")));
        step(2012, "publication", county).andExpect(status().isConflict());
        step(2012, "approval", county).andExpect(jsonPath("$.status", is("APPROVED")));
        assertThat(outboxTypes(2012, "540103-FGJ")).isEmpty();

        step(2012, "publication", county).andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("PUBLISHED")))
                .andExpect(jsonPath("$.publishedUnits", is(2)))
                .andExpect(jsonPath("$.newlyPublished", is(2)));

        assertThat(outboxTypes(2012, "540103-FGJ")).containsExactly(AssessmentPublished.TYPE);
        assertThat(outboxTypes(2012, "540103-CZJ")).containsExactly(AssessmentPublished.TYPE);
        JsonNode event = outboxData(2012, "540103-CZJ", 0);
        assertThat(event.get("unitName").asString()).isEqualTo("城关区财政局");
        assertThat(event.get("displayTotal").asString()).isEqualTo("81.00");
        assertThat(event.get("grade").asString()).isEqualTo("FAIL");
        assertThat(event.get("place").asInt()).isEqualTo(2);
        assertThat(event.get("issuerUnitCode").asString()).isEqualTo(county);
        assertThat(outboxData(2012, "540103-FGJ", 0).get("place").asInt()).isEqualTo(1);

        step(2012, "publication", county).andExpect(status().isOk()).andExpect(jsonPath("$.newlyPublished", is(0)));
        step(2012, "start", county).andExpect(status().isOk()).andExpect(jsonPath("$.status", is("PUBLISHED")));
        assertThat(outboxTypes(2012, "540103-FGJ")).hasSize(1);
        assertThat(outboxTypes(2012, "540103-CZJ")).hasSize(1);

        // the published version is answered from now on, and entries are closed
        year.item(2012, "540103-CZJ", "T2", "40", "1.0"); // a late value changes the preview, not the published result
        mvc.perform(get("/api/scoring/results/2012/540103-CZJ").with(user("540103-CZJ", "department", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("PUBLISHED")))
                .andExpect(jsonPath("$.preview", is(false)))
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.displayTotal", is("81.00")))
                .andExpect(jsonPath("$.grade", is("FAIL")))
                .andExpect(jsonPath("$.place", is(2)))
                .andExpect(jsonPath("$.claims", hasSize(1)));
        send(post(claims), office(county), """
                {"ruleCode":"AWARD_CENTRAL","points":1,"subject":"再次表彰","evidence":["x"],"reviewer":"王审核"}""")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.detail", containsString("已发布")));
        mvc.perform(get("/api/scoring/results/2012/540103-CZJ?version=2").with(office(county)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("version")));
    }

    @Test
    void anAppealThatChangesTheResultMakesANewVersionWithTheDiffAndTheOldOneStaysReadable() throws Exception {
        String county = "540104";
        String unit = "540104-CZJ";
        year.department(2013, "540104-FGJ", "堆龙德庆区发改局", "1.0", "0.9"); // 96
        year.department(2013, unit, "堆龙德庆区财政局", "1.0", "0.8"); // 92
        step(2013, "start", county).andExpect(status().isOk());
        step(2013, "approval", county).andExpect(status().isOk());
        step(2013, "publication", county).andExpect(jsonPath("$.newlyPublished", is(2)));
        String appeals = "/api/scoring/assessments/2013/units/" + unit + "/appeals";

        send(post(appeals), office(county), "{\"reason\":\"不是本单位\"}").andExpect(status().isForbidden());
        send(post(appeals), user(unit, "department", "reporter"), "{\"reason\":\" \"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("reason")));
        send(post(appeals), user(unit, "department", "reporter"), "{\"reason\":\"T2年底统计数为100%，认定值有误\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.number", is(1)))
                .andExpect(jsonPath("$.status", is("FILED")));
        send(post(appeals), user(unit, "department", "reporter"), "{\"reason\":\"再提一次\"}")
                .andExpect(status().isConflict());

        send(post(appeals + "/1/decision"), office(county), """
                {"decision":"CHANGE","note":"经复核，T2完成100%","items":[{"assignmentId":"2013-T2@540104-CZJ","completion":1.0}],
                 "addClaims":[{"ruleCode":"AWARD_MINISTRY_OR_PROVINCE","points":0.5,"subject":"省级表彰","evidence":["藏政〔2013〕5号"],"reviewer":"李审核"}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status", is("CHANGED")))
                .andExpect(jsonPath("$.resultVersion", is(2)))
                .andExpect(jsonPath("$.changes[?(@.line=='2013-T2@540104-CZJ')].before").value("32"))
                .andExpect(jsonPath("$.changes[?(@.line=='2013-T2@540104-CZJ')].after").value("40"))
                .andExpect(jsonPath("$.changes[?(@.line=='A1-1')].before").value(org.hamcrest.Matchers.contains(nullValue())))
                .andExpect(jsonPath("$.changes[?(@.line=='A1-1')].after").value("0.5"))
                .andExpect(jsonPath("$.changes[?(@.line=='total')].before").value("92"))
                .andExpect(jsonPath("$.changes[?(@.line=='total')].after").value("100.5"))
                .andExpect(jsonPath("$.changes[?(@.line=='place')].before").value("2"))
                .andExpect(jsonPath("$.changes[?(@.line=='place')].after").value("1"));
        send(post(appeals + "/1/decision"), office(county), "{\"decision\":\"UPHOLD\"}")
                .andExpect(status().isConflict());

        assertThat(outboxTypes(2013, unit)).containsExactly(AssessmentPublished.TYPE, ResultRevised.TYPE);
        JsonNode revised = outboxData(2013, unit, 1);
        assertThat(revised.get("fromVersion").asInt()).isEqualTo(1);
        assertThat(revised.get("toVersion").asInt()).isEqualTo(2);
        assertThat(revised.get("displayTotal").asString()).isEqualTo("100.50");
        assertThat(revised.get("changes").size()).isGreaterThanOrEqualTo(4);

        mvc.perform(get("/api/scoring/results/2013/" + unit).with(office(county)))
                .andExpect(jsonPath("$.version", is(2)))
                .andExpect(jsonPath("$.versions", hasSize(2)))
                .andExpect(jsonPath("$.displayTotal", is("100.50")))
                .andExpect(jsonPath("$.place", is(1)))
                .andExpect(jsonPath("$.statusLabel", containsString("复议")));
        mvc.perform(get("/api/scoring/results/2013/" + unit + "?version=1").with(office(county)))
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.displayTotal", is("92.00")))
                .andExpect(jsonPath("$.place", is(2)));
        mvc.perform(get(appeals).with(user(unit, "department", "reporter")))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].status", is("CHANGED")));
    }

    @Test
    void anAppealAfterThePeriodIsRefusedAndAnUpheldOneChangesNothing() throws Exception {
        String county = "540105";
        String unit = "540105-FGJ";
        year.department(2014, unit, "林周县发改局", "1.0", "0.5");
        step(2014, "start", county);
        step(2014, "approval", county);
        step(2014, "publication", county).andExpect(jsonPath("$.newlyPublished", is(1)));
        String appeals = "/api/scoring/assessments/2014/units/" + unit + "/appeals";

        send(post(appeals), user(unit, "department", "leader"), "{\"reason\":\"异议\"}").andExpect(status().isCreated());
        send(post(appeals + "/1/decision"), office(county), "{\"decision\":\"UPHOLD\",\"note\":\"维持\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("UPHELD")));
        assertThat(outboxTypes(2014, unit)).containsExactly(AssessmentPublished.TYPE);

        clock.advance(Duration.ofDays(16));
        send(post(appeals), user(unit, "department", "leader"), "{\"reason\":\"逾期异议\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field", is("appeal")))
                .andExpect(jsonPath("$.detail", containsString("复议期")));
        mvc.perform(get("/api/scoring/results/2014/" + unit).with(office(county)))
                .andExpect(jsonPath("$.version", is(1))).andExpect(jsonPath("$.versions", hasSize(1)));
    }

    @Test
    void aWhatIfScoresAndRanksEveryUnitUnderTheRulesGivenAndWritesNothing() throws Exception {
        String county = "540121";
        year.department(2015, "540121-FGJ", "林周县发改局", "1.0", "1.0"); // 100
        year.department(2015, "540121-CZJ", "林周县财政局", "1.0", "0.6"); // 84
        long ruleSets = db.getCollection("rule_sets").countDocuments();

        send(post("/api/scoring/what-if/2015?issuer=" + county), office(county), """
                {"grades":[{"category":"DEPARTMENTS","passMark":80}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ruleSet.source", is("DEFAULT")))
                .andExpect(jsonPath("$.categories[0].category", is("DEPARTMENTS")))
                .andExpect(jsonPath("$.categories[0].units", hasSize(2)))
                .andExpect(jsonPath("$.categories[0].units[0].unitCode", is("540121-FGJ")))
                .andExpect(jsonPath("$.categories[0].units[0].place", is(1)))
                .andExpect(jsonPath("$.categories[0].units[1].displayTotal", is("84.00")))
                .andExpect(jsonPath("$.categories[0].units[1].grade", is("FIRST"))) // departments: 8 first places
                .andExpect(jsonPath("$.categories[0].units[1].gradeInForce", is("FAIL")));
        send(post("/api/scoring/what-if/2015?issuer=" + county), office(county), "{\"fraudFactor\":2}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("fraudFactor")));

        assertThat(db.getCollection("rule_sets").countDocuments()).isEqualTo(ruleSets);
        mvc.perform(get("/api/scoring/rule-sets/2015").with(office(county))).andExpect(jsonPath("$.source", is("DEFAULT")));
        mvc.perform(get("/api/scoring/assessments/2015?issuer=" + county).with(office(county)))
                .andExpect(jsonPath("$.status", is("OPEN")));
    }
}
