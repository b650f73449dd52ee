package cn.mubiao.scoring.assessment;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.testing.InMemoryMongo;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * DOMAIN.md §5's worked example entered the way a target office would: the four items arrive from target and progress
 * events, and everything the data cannot say — T3's quality (fair), T4 a missing item, the award claimed at two levels,
 * two absences and a late arrival, nine towns' and streets' ratings, the comprehensive evaluation — through this
 * service's API. The result must come out at 103.7444…, shown 103.74.
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class WorkedExampleApiTest {

    private static final String COUNTY = "531102";
    private static final String DEPT = "531102-FGJ";
    private static final String PATH = "/api/scoring/assessments/2007/units/" + DEPT;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("scoring-worked-example-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    EventHandler<TargetAssigned> targetAssigned;
    @Autowired
    EventHandler<ProgressVerified> progressVerified;
    @Autowired
    EventHandler<ProgressReported> progressReported;
    @Autowired
    EventHandler<UnitChanged> unitChanged;

    private static JwtRequestPostProcessor office(String unit) {
        return user(unit, "county", "target-office");
    }

    private ResultActions send(MockHttpServletRequestBuilder request, JwtRequestPostProcessor who, String body)
            throws Exception {
        return mvc.perform(request.with(who).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void theWorkedExampleComesOutAt103Point74ThroughTheApi() throws Exception {
        unit(DEPT, "示范区发改局", "DEPARTMENTS");
        assign("T1", "40", IndicatorKind.CUMULATIVE);
        verified("T1", "0.95");
        assign("T2", "30", IndicatorKind.CUMULATIVE);
        verified("T2", "1.12");
        assign("T3", "20", IndicatorKind.QUALITATIVE);
        progressReported.handle(new ProgressReported("R-T3", id("T3"), DEPT, "200712", null, BigDecimal.ONE, "fgj",
                Instant.parse("2008-01-05T00:00:00Z"), false, 1, List.of()), null);   // every milestone done
        assign("T4", "10", IndicatorKind.CUMULATIVE);                                       // nothing to report

        send(put(PATH + "/items/" + id("T3")), office(COUNTY), "{\"quality\":\"FAIR\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.judgements[0].judgement", is("QUALITY")));
        send(put(PATH + "/items/" + id("T4")), office(COUNTY), "{\"missingReason\":\"本单位无此项工作\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.judgements", hasSize(2)));

        String award = "全国科技进步先进集体（国发〔2007〕3号、豫政〔2007〕9号）";
        claim("AWARD_CENTRAL", "1", award);
        claim("AWARD_MINISTRY_OR_PROVINCE", "0.5", award);
        claim("MEETING_ABSENT", "0.3", "3月12日全区经济工作会议缺席");
        claim("MEETING_ABSENT", "0.3", "6月8日安全生产会议缺席");
        claim("MEETING_LATE_OR_EARLY", "0.1", "9月20日目标推进会迟到");

        int[] scores = {4, 5, 3, 4, 4, 5, 2, 4, 4};
        for (int i = 0; i < scores.length; i++) {
            String rater = COUNTY + "%03d".formatted(i + 1);
            unit(rater, "镇街" + (i + 1), i % 2 == 0 ? "TOWNS" : "STREETS");
            send(post(PATH + "/ratings"), office(rater), "{\"score\":" + scores[i] + "}").andExpect(status().isCreated());
        }
        send(put(PATH + "/comprehensive"), office(COUNTY), "{\"value\":4}").andExpect(status().isOk());

        mvc.perform(get("/api/scoring/results/2007/" + DEPT).with(office(COUNTY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.displayTotal", is("103.74")))
                .andExpect(jsonPath("$.total").value(103.7444444444444444444444444444444))
                .andExpect(jsonPath("$.bonus").value(1.0))
                .andExpect(jsonPath("$.deductions").value(0.7))
                .andExpect(jsonPath("$.comprehensive").value(4.0))
                .andExpect(jsonPath("$.explanation", hasItem(id("T3") + " 定性 完成任务但效果一般 ×0.9 s=20 → 18.0000 / "
                        + "qualitative, completed, fair effect ×0.9 s=20 → 18.0000")))
                .andExpect(jsonPath("$.explanation", hasItem(containsString("下评上：9个镇乡街道评分 4,5,3,4,4,5,2,4,4，平均 → 3.8889"))))
                .andExpect(jsonPath("$.explanation", hasItem(containsString("基本分 = 86.0000 × 100 / 90 = 95.5556"))));

        for (String step : List.of("start", "approval", "publication")) {
            mvc.perform(post("/api/scoring/assessments/2007/" + step).param("issuer", COUNTY).with(office(COUNTY)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/scoring/results/2007/" + DEPT).with(office(COUNTY)))   // the judgements went with it
                .andExpect(jsonPath("$.status", is("PUBLISHED")))
                .andExpect(jsonPath("$.displayTotal", is("103.74")));
        send(put(PATH + "/items/" + id("T3")), office(COUNTY), "{\"quality\":\"GOOD\"}")
                .andExpect(status().isConflict());                                       // entries closed: appeal instead
    }

    @Test
    void aQualityIsJudgedOnlyForAQualitativeItemOfTheUnitAndAJudgementTakenBackScoresTheDataAgain() throws Exception {
        String dept = "531103-FGJ";
        String path = "/api/scoring/assessments/2007/units/" + dept;
        unit(dept, "另一发改局", "DEPARTMENTS");
        targetAssigned.handle(terms("2007-Q1@" + dept, dept, "100", IndicatorKind.CUMULATIVE), null);
        verifiedOf("2007-Q1@" + dept, dept, "0.8");

        send(put(path + "/items/2007-Q1@" + dept), office("531103"), "{\"quality\":\"GOOD\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.field", is("quality")));
        send(put(path + "/items/2007-Q1@" + dept), office("531103"), "{\"quality\":\"SPLENDID\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("quality")));
        send(put(path + "/items/2007-Q1@" + dept), office("531103"), "{\"missingReason\":\"x\",\"policyMissReason\":\"y\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("item")));
        send(put(path + "/items/2007-NOPE@" + dept), office("531103"), "{\"missingReason\":\"x\"}")
                .andExpect(status().isNotFound());
        send(put(path + "/items/2007-Q1@" + dept), office("531102"), "{\"missingReason\":\"x\"}")
                .andExpect(status().isNotFound());                       // another county's office
        send(put(path + "/items/2007-Q1@" + dept), user(dept, "department", "reporter"), "{\"missingReason\":\"x\"}")
                .andExpect(status().isForbidden());
        mvc.perform(get(path + "/entries").with(office("531103"))).andExpect(jsonPath("$.judgements", hasSize(0)));

        send(put(path + "/items/2007-Q1@" + dept), office("531103"), "{\"policyMissReason\":\"国家产业政策调整，项目停建\"}")
                .andExpect(status().isOk());
        mvc.perform(get("/api/scoring/results/2007/" + dept).with(office("531103")))
                .andExpect(jsonPath("$.displayTotal", is("100.00")));        // fully carried out, missed for policy: ×1
        mvc.perform(delete(path + "/items/2007-Q1@" + dept).with(office("531103")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.judgements", hasSize(0)));
        mvc.perform(get("/api/scoring/results/2007/" + dept).with(office("531103")))
                .andExpect(jsonPath("$.displayTotal", is("80.00")));
    }

    @Test
    void aCoUnitThatDidNotPullItsWeightIsScoredWithTheLeadsFactorUntilTheLeadsTaskCountsAsDone() throws Exception {
        String lead = "531104-JTJ";
        String co = "531104-CZJ";
        String x = "2007-L1@" + lead;
        String z = "2007-C1@" + co;
        unit(lead, "交通局", "DEPARTMENTS");
        unit(co, "财政局", "DEPARTMENTS");
        TargetAssigned leadTerms = terms(x, lead, "100", IndicatorKind.CUMULATIVE);
        targetAssigned.handle(new TargetAssigned(x, leadTerms.planId(), 2007, "L1", "道路建设", "经济发展", lead, lead,
                List.of(co), leadTerms.monitorUnitCode(), IndicatorKind.CUMULATIVE, "公里", BigDecimal.TEN,
                new BigDecimal("100"), Frequency.MONTHLY, List.of(), List.of(), 1, null, null, "LEAD", "531104", true,
                null, "OWN", null, List.of()), null);
        verifiedOf(x, lead, "0.7");
        targetAssigned.handle(terms(z, co, "100", IndicatorKind.CUMULATIVE), null);
        verifiedOf(z, co, "1.0");
        String path = "/api/scoring/assessments/2007/units/" + co + "/items/" + z + "/co-unit";
        String result = "/api/scoring/results/2007/" + co;

        mvc.perform(get(result).with(office("531104"))).andExpect(jsonPath("$.displayTotal", is("100.00")));
        send(put(path), office("531104"), "{\"leadAssignmentId\":\"" + x + "\",\"reason\":\"资金拨付迟缓，影响工程进度\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.coUnitMarks[0].leadAssignmentId", is(x)));
        mvc.perform(get(result).with(office("531104")))
                .andExpect(jsonPath("$.displayTotal", is("70.00")))                       // the lead's 70%
                .andExpect(jsonPath("$.explanation[0]", containsString("协办单位工作不力")));

        // the lead's task judged fully carried out but missed for policy: its factor is 1, the co-unit loses nothing
        send(put("/api/scoring/assessments/2007/units/" + lead + "/items/" + x), office("531104"),
                "{\"policyMissReason\":\"上级调整建设计划\"}").andExpect(status().isOk());
        mvc.perform(get(result).with(office("531104"))).andExpect(jsonPath("$.displayTotal", is("100.00")));
        mvc.perform(delete("/api/scoring/assessments/2007/units/" + lead + "/items/" + x).with(office("531104")))
                .andExpect(status().isOk());

        send(put("/api/scoring/assessments/2007/units/" + lead + "/items/" + x + "/co-unit"), office("531104"),
                "{\"leadAssignmentId\":\"" + z + "\",\"reason\":\"x\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field", is("leadAssignmentId")));
        send(put(path), office("531104"), "{\"leadAssignmentId\":\"2007-NONE@" + lead + "\",\"reason\":\"x\"}")
                .andExpect(status().isNotFound());
        send(put(path), office("531104"), "{\"leadAssignmentId\":\"" + x + "\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("reason")));

        mvc.perform(delete(path).with(office("531104"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.coUnitMarks", hasSize(0)));
        mvc.perform(get(result).with(office("531104"))).andExpect(jsonPath("$.displayTotal", is("100.00")));
    }

    @Test
    void quarterlyAssessmentsEnteredCountInTheAnnualBaseByTheRuleSetsShareAndGoIntoThePublishedVersion() throws Exception {
        String county = "531105";
        String dept = county + "-FGJ";
        String path = "/api/scoring/assessments/2007/units/" + dept;
        unit(dept, "发改局", "DEPARTMENTS");
        targetAssigned.handle(terms("2007-Y1@" + dept, dept, "100", IndicatorKind.CUMULATIVE), null);
        verifiedOf("2007-Y1@" + dept, dept, "0.8");
        send(put("/api/scoring/rule-sets/2007"), office(county), "{\"quarterlyShare\":0.3}").andExpect(status().isOk());

        mvc.perform(get("/api/scoring/results/2007/" + dept).with(office(county)))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.field", is("quarterlyBases")));
        send(put(path + "/quarters/5"), office(county), "{\"base\":90}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("quarter")));
        send(put(path + "/quarters/1"), office(county), "{\"base\":101}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("base")));
        String[] bases = {"90", "70", "80", "100"};
        for (int q = 1; q <= 4; q++) {
            send(put(path + "/quarters/" + q), office(county), "{\"base\":" + bases[q - 1] + "}").andExpect(status().isOk());
        }

        // 0.7 × 80 (the year's items) + 0.3 × 85 (the quarters' mean) = 81.5
        mvc.perform(get("/api/scoring/results/2007/" + dept).with(office(county)))
                .andExpect(jsonPath("$.displayTotal", is("81.50")))
                .andExpect(jsonPath("$.explanation", hasItem(containsString("计入平时考核"))));
        for (String step : List.of("start", "approval", "publication")) {
            mvc.perform(post("/api/scoring/assessments/2007/" + step).param("issuer", county).with(office(county)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/scoring/results/2007/" + dept).with(office(county)))
                .andExpect(jsonPath("$.status", is("PUBLISHED")))
                .andExpect(jsonPath("$.displayTotal", is("81.50")));
    }

    private static String id(String target) {
        return "2007-" + target + "@" + DEPT;
    }

    private void claim(String rule, String points, String subject) throws Exception {
        send(post(PATH + "/claims"), office(COUNTY), """
                {"ruleCode":"%s","points":%s,"subject":"%s","evidence":["区目标办核实记录"],"reviewer":"王审核"}"""
                .formatted(rule, points, subject)).andExpect(status().isCreated());
    }

    private void unit(String code, String name, String category) {
        unitChanged.handle(new UnitChanged(code, name, code.contains("-") ? "DEPARTMENT" : "TOWNSHIP", code.substring(0, 6),
                null, "GOVERNMENT", null, category, "ACTIVE", null, List.of(), "REGISTERED", 1, LocalDate.of(2000, 1, 1)),
                null);
    }

    private void assign(String target, String s, IndicatorKind kind) {
        targetAssigned.handle(terms(id(target), DEPT, s, kind), null);
    }

    private static TargetAssigned terms(String id, String unit, String s, IndicatorKind kind) {
        String issuer = unit.substring(0, 6);
        return new TargetAssigned(id, "2007-" + issuer, 2007, id.substring(5, id.indexOf('@')), "目标" + id, "经济发展",
                unit, unit, List.of(), issuer + "-TJJ", kind, kind == IndicatorKind.QUALITATIVE ? null : "亿元",
                kind == IndicatorKind.QUALITATIVE ? null : BigDecimal.TEN, new BigDecimal(s), Frequency.MONTHLY,
                List.of(), List.of(), 1, null, null, "LEAD", issuer, true, null, "OWN", null, List.of());
    }

    private void verified(String target, String completion) {
        verifiedOf(id(target), DEPT, completion);
    }

    private void verifiedOf(String id, String unit, String completion) {
        String issuer = unit.substring(0, 6);
        progressVerified.handle(new ProgressVerified("R-" + id, id, unit, "200712", 1, ProgressVerified.VALUE_RECORDED,
                ValueSource.STATISTICS_BUREAU, BigDecimal.TEN, ValueSource.STATISTICS_BUREAU, new BigDecimal(completion),
                "tjj", issuer + "-TJJ", Instant.parse("2008-01-20T00:00:00Z")), null);
    }
}
