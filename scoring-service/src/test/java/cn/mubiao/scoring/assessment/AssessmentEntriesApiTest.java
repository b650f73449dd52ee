package cn.mubiao.scoring.assessment;

import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.testing.InMemoryMongo;
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
import org.springframework.test.web.servlet.ResultActions;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Claims, vetoes, the comprehensive evaluation and bottom-up ratings entered through the API count in the result;
 * bad input is refused with the field named and writes nothing. Each test works in its own county (530102…).
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class AssessmentEntriesApiTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("scoring-entries-test"));
    }

    @Autowired
    MockMvc mvc;
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

    private static String claim(String rule, String points, String evidence) {
        return """
                {"ruleCode":"%s","points":%s,"subject":"省级表彰（豫政〔2007〕1号）","evidence":%s,"reviewer":"王审核"}"""
                .formatted(rule, points, evidence);
    }

    private ResultActions postJson(String path, JwtRequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void claimsWithEvidenceCountInTheResultUntilWithdrawn() throws Exception {
        String unit = "530102-FGJ";
        year.department(2007, unit, "五华区发改局", "1.0", "0.5");
        String claims = "/api/scoring/assessments/2007/units/" + unit + "/claims";

        postJson(claims, office("530102"), claim("AWARD_CENTRAL", "1", "[\"file-1\"]"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id", is("C1")))
                .andExpect(jsonPath("$.evidence[0]", is("file-1")))
                .andExpect(jsonPath("$.withdrawn", is(false)));
        postJson(claims, office("530102"), claim("MEETING_ABSENT", "0.3", "[\"会议签到表\"]"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id", is("C2")));

        mvc.perform(get(claims).with(user(unit, "department", "reporter")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(2)));
        mvc.perform(get("/api/scoring/results/2007/" + unit).with(office("530102")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.base").value(80.0))
                .andExpect(jsonPath("$.bonus").value(1.0))
                .andExpect(jsonPath("$.deductions").value(0.3))
                .andExpect(jsonPath("$.displayTotal", is("80.70")))
                .andExpect(jsonPath("$.claims", hasSize(2)));

        postJson(claims + "/C1/withdrawal", office("530102"), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawn", is(true)));
        postJson(claims + "/C1/withdrawal", office("530102"), "").andExpect(status().isConflict());
        mvc.perform(get("/api/scoring/results/2007/" + unit).with(office("530102")))
                .andExpect(jsonPath("$.bonus").value(0.0))
                .andExpect(jsonPath("$.displayTotal", is("79.70")));
    }

    @Test
    void aClaimWithoutEvidenceOrOutsideTheCatalogueIsRefusedAndNothingIsWritten() throws Exception {
        String unit = "530103-FGJ";
        year.department(2007, unit, "盘龙区发改局", "1.0", "0.5");
        String claims = "/api/scoring/assessments/2007/units/" + unit + "/claims";

        postJson(claims, office("530103"), claim("AWARD_CENTRAL", "1", "[]"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("evidence")))
                .andExpect(jsonPath("$.detail", containsString("证明材料")));
        postJson(claims, office("530103"), claim("AWARD_CENTRAL", "3", "[\"file-1\"]"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field", is("claim.points")));
        postJson(claims, office("530103"), claim("NO_SUCH_RULE", "1", "[\"file-1\"]"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.field", is("claim.ruleCode")));
        postJson(claims, office("530103"), "{\"ruleCode\":\"AWARD_CENTRAL\",\"points\":1,\"subject\":\"x\","
                + "\"evidence\":[\"f\"]}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("reviewer")));

        mvc.perform(get(claims).with(office("530103"))).andExpect(jsonPath("$.items", hasSize(0)));
        mvc.perform(get("/api/scoring/results/2007/" + unit).with(office("530103")))
                .andExpect(jsonPath("$.displayTotal", is("80.00")));
    }

    @Test
    void onlyTheTargetOfficeCoveringTheUnitEntersClaims() throws Exception {
        String unit = "530111-FGJ";
        year.department(2007, unit, "官渡区发改局", "1.0", "1.0");
        String claims = "/api/scoring/assessments/2007/units/" + unit + "/claims";
        postJson(claims, user("530111", "county", "reporter"), claim("AWARD_CENTRAL", "1", "[\"f\"]"))
                .andExpect(status().isForbidden());
        postJson(claims, office("530112"), claim("AWARD_CENTRAL", "1", "[\"f\"]")).andExpect(status().isNotFound());
        mvc.perform(get(claims).with(office("530111"))).andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void aVetoAndTheComprehensiveEvaluationShowInTheResultAndAnEvaluationAboveFiveIsRefused() throws Exception {
        String unit = "530112-FGJ";
        year.department(2007, unit, "西山区发改局", "1.0", "1.0");
        String base = "/api/scoring/assessments/2007/units/" + unit;

        postJson(base + "/vetoes", office("530112"), "{\"kind\":\"SAFETY_ACCIDENT\",\"evidence\":[\"安监通报\"],"
                + "\"reviewer\":\"王审核\"}").andExpect(status().isCreated());
        postJson(base + "/vetoes", office("530112"), "{\"kind\":\"SAFETY_ACCIDENT\",\"evidence\":[],"
                + "\"reviewer\":\"王审核\"}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("evidence")));
        mvc.perform(put(base + "/comprehensive").with(office("530112")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"value\":4}")).andExpect(status().isOk()).andExpect(jsonPath("$.comprehensive").value(4));
        mvc.perform(put(base + "/comprehensive").with(office("530112")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"value\":5.5}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("value")));

        mvc.perform(get("/api/scoring/results/2007/" + unit).with(office("530112")))
                .andExpect(jsonPath("$.comprehensive").value(4.0))
                .andExpect(jsonPath("$.displayTotal", is("104.00")))
                .andExpect(jsonPath("$.vetoes", hasSize(1)))
                .andExpect(jsonPath("$.vetoes[0].kind", is("SAFETY_ACCIDENT")));
    }

    @Test
    void townsRateDepartmentsWhoGetTheMeanButNoUnitRatesItselfOrOutsideZeroToFive() throws Exception {
        String dept = "530113-FGJ";
        year.department(2007, dept, "东川区发改局", "1.0", "1.0");
        year.unit("530113001", "铜都街道", "STREETS");
        year.unit("530113101", "汤丹镇", "TOWNS");
        year.unit("530113-CZJ", "东川区财政局", "DEPARTMENTS");
        String ratings = "/api/scoring/assessments/2007/units/" + dept + "/ratings";

        postJson(ratings, office("530113001"), "{\"score\":4}").andExpect(status().isCreated())
                .andExpect(jsonPath("$.raterUnitCode", is("530113001")));
        postJson(ratings, office("530113101"), "{\"score\":3}").andExpect(status().isCreated());
        postJson(ratings, office("530113101"), "{\"score\":5}").andExpect(status().isCreated()); // replaces its 3

        postJson(ratings, office("530113101"), "{\"score\":5.5}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("score")));
        postJson(ratings, office("530113101"), "{\"score\":-1}").andExpect(status().isBadRequest());
        postJson("/api/scoring/assessments/2007/units/530113101/ratings", office("530113101"), "{\"score\":5}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("unitCode")))
                .andExpect(jsonPath("$.detail", containsString("不能为本单位评分")));
        postJson(ratings, user("530113-CZJ", "department", "target-office"), "{\"score\":5}")
                .andExpect(status().isForbidden());
        postJson(ratings, user("530113101", "township", "reporter"), "{\"score\":1}")
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/scoring/results/2007/" + dept).with(office("530113")))
                .andExpect(jsonPath("$.rating").value(4.5))
                .andExpect(jsonPath("$.explanation", hasItem(containsString("下评上"))));
    }
}
