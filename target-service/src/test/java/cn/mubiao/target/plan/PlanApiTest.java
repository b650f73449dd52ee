package cn.mubiao.target.plan;

import cn.mubiao.contracts.target.PlanIssued;
import cn.mubiao.contracts.target.TargetAdjusted;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.testing.InMemoryMongo;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The plan flow through the API: draft, define targets with their split, check, issue, letters, adjustments.
 * Each test works on its own plan year so they do not meet.
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h",
        "mubiao.target.adjustment-deadline=--12-31"})
@AutoConfigureMockMvc
class PlanApiTest {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final AtomicInteger YEARS = new AtomicInteger(2030);
    private static boolean unitsRegistered;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("target-plan-api-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoDatabase db;

    final RequestPostProcessor office = user("410100", "city", "target-office");
    int year;
    String planId;

    @BeforeEach
    void unitsAndAPlan() throws Exception {
        if (!unitsRegistered) {
            cn.mubiao.target.TestUnits.register(mvc);
            unitsRegistered = true;
        }
        year = YEARS.getAndIncrement();
        planId = "410100-" + year;
        mvc.perform(put("/api/targets/plans/" + planId).with(office).contentType(MediaType.APPLICATION_JSON).content("""
                        {"issuerUnitCode":"410100","year":%d,"title":"%d年郑州市人民政府目标",
                         "categories":[{"code":"LEAP","name":"跨越式发展目标"},{"code":"BIND","name":"节能降耗和污染物减排"}]}"""
                        .formatted(year, year)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status", is("DRAFT")))
                .andExpect(jsonPath("$.adjustmentDeadline", is(year + "-12-31")));
    }

    private ResultActions target(String code, String body) throws Exception {
        return mvc.perform(put("/api/targets/plans/" + planId + "/targets/" + code).with(office)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String investment(String... allocations) {
        return """
                {"title":"新增城镇固定资产投资","category":"LEAP","indicatorKind":"CUMULATIVE","unitOfMeasure":"亿元",
                 "targetValue":200,"leaders":["张副市长"],"leadUnits":["410100-FGW"],"monitorUnitCode":"410100-TJJ",
                 "standardScore":50,"frequency":"MONTHLY","allocations":[%s]}""".formatted(String.join(",", allocations));
    }

    private static String share(String unit, int value, int score) {
        return "{\"unitCode\":\"%s\",\"value\":%d,\"standardScore\":%d}".formatted(unit, value, score);
    }

    private static final String ENERGY = """
            {"title":"万元生产总值能耗下降","category":"BIND","binding":true,"indicatorKind":"LEVEL","unitOfMeasure":"%",
             "targetValue":5,"leadUnits":["410100-FGW"],"coUnits":["410100-JSW"],"monitorUnitCode":"410100-TJJ",
             "standardScore":50,"frequency":"QUARTERLY",
             "allocations":[{"unitCode":"410102","standardScore":50},{"unitCode":"410103","value":5.5,"standardScore":50}]}""";

    private void issuable() throws Exception {
        target("A03", investment(share("410102", 120, 50), share("410103", 90, 50))).andExpect(status().isCreated());
        target("C01", ENERGY).andExpect(status().isCreated());
    }

    private List<Document> outboxOf(String collection, String id) {
        return db.getCollection(collection).find(Filters.eq("_id", id)).first().getList("outbox", Document.class);
    }

    @Test
    void aDraftIsIssuedWithOneTargetAssignedPerHolderAndALetterPerUnit() throws Exception {
        issuable();
        mvc.perform(get("/api/targets/plans/" + planId + "/issue-check").with(office))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));

        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("ISSUED")));

        assertThat(outboxOf("plans", planId)).singleElement()
                .satisfies(e -> assertThat(e.getString("type")).isEqualTo(PlanIssued.TYPE));
        String a = planId + "-A03@410102";
        assertThat(outboxOf("assignments", a)).singleElement()
                .satisfies(e -> assertThat(e.getString("type")).isEqualTo(TargetAssigned.TYPE));
        mvc.perform(get("/api/targets/assignments/" + a).with(user("410102", "county", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targetValue", is(120)))
                .andExpect(jsonPath("$.role", is("SHARE")))
                .andExpect(jsonPath("$.targetId", is(planId + "-A03")))
                .andExpect(jsonPath("$.unitName", is("中原区")));
        mvc.perform(get("/api/targets/assignments/" + planId + "-C01@410102").with(office))
                .andExpect(jsonPath("$.targetValue", is(5)));
        mvc.perform(get("/api/targets/plans/" + planId + "/letters").with(office))
                .andExpect(jsonPath("$[*].unitCode", containsInAnyOrder("410100-FGW", "410102", "410103")))
                .andExpect(jsonPath("$[0].totalScore", is(100)));
    }

    @Autowired
    cn.mubiao.kit.events.EventHandler<cn.mubiao.contracts.scoring.AssessmentPublished> assessmentPublished;

    private void publish(String unit) {
        assessmentPublished.handle(new cn.mubiao.contracts.scoring.AssessmentPublished(year, "410100", unit, unit,
                "DEPARTMENTS", new java.math.BigDecimal("95.5"), "95.50", "BASIC", "基本奖 / basic award", 1, 1, false, 1,
                java.time.Instant.parse("2031-02-01T02:00:00Z")), null);
    }

    @Test
    void publishedYearEndResultsMarkTheIssuedPlanAssessedOnceAndLeaveOtherYearsAlone() throws Exception {
        issuable();
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().isOk());
        int nextYear = YEARS.getAndIncrement();
        mvc.perform(put("/api/targets/plans/410100-" + nextYear).with(office).contentType(MediaType.APPLICATION_JSON)
                .content("{\"issuerUnitCode\":\"410100\",\"year\":%d,\"title\":\"下一年\",\"categories\":[{\"code\":\"LEAP\",\"name\":\"跨越式发展目标\"}]}"
                        .formatted(nextYear))).andExpect(status().isCreated());

        publish("410100-FGW");
        publish("410102");

        mvc.perform(get("/api/targets/plans/" + planId).with(office)).andExpect(jsonPath("$.status", is("ASSESSED")));
        mvc.perform(get("/api/targets/plans/410100-" + nextYear).with(office)).andExpect(jsonPath("$.status", is("DRAFT")));
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().is4xxClientError());
    }

    private ResultActions catalogue(String indicators) throws Exception {
        return mvc.perform(put("/api/targets/plans/" + planId + "/province-catalogue").with(office)
                .contentType(MediaType.APPLICATION_JSON).content("{\"indicators\":[" + indicators + "]}"));
    }

    private static final String PROVINCE_INVESTMENT = """
            {"code":"HN-JJ-03","area":"经济发展","title":"城镇固定资产投资","indicatorKind":"CUMULATIVE","unitOfMeasure":"亿元",
             "targetValue":220,"assessesCity":true}""";
    private static final String PROVINCE_ENERGY = """
            {"code":"HN-JN-01","area":"社会发展","title":"单位生产总值能耗下降","indicatorKind":"LEVEL","unitOfMeasure":"%",
             "targetValue":4.5,"assessesCity":true}""";

    private static String aligned(String body, String provinceCode) {
        return body.replace("\"frequency\"", "\"provinceCode\":\"" + provinceCode + "\",\"frequency\"");
    }

    @Test
    void theStricterOfProvinceAndCityValueIsAssessedAndSaysWhereItCameFrom() throws Exception {
        target("A03", aligned(investment(share("410102", 120, 50), share("410103", 90, 50)), "HN-JJ-03"))
                .andExpect(status().isCreated());
        target("C01", aligned(ENERGY, "HN-JN-01")).andExpect(status().isCreated());

        catalogue(PROVINCE_INVESTMENT + "," + PROVINCE_ENERGY).andExpect(status().isOk());

        // the province wants 220 where the city set itself 200: its lead is held to 220, the definition keeps 200
        mvc.perform(get("/api/targets/plans/" + planId + "/targets/A03").with(office))
                .andExpect(jsonPath("$.targetValue", is(200)))
                .andExpect(jsonPath("$.provinceAlignment.provinceValue", is(220)))
                .andExpect(jsonPath("$.provinceAlignment.cityValue", is(200)))
                .andExpect(jsonPath("$.provinceAlignment.effectiveValue", is(220)))
                .andExpect(jsonPath("$.provinceAlignment.provenance", is("PROVINCE")))
                .andExpect(jsonPath("$.holders[0].role", is("LEAD")))
                .andExpect(jsonPath("$.holders[0].value", is(220)));
        // a decrease of 5% is stricter than the province's 4.5%: the city's own value stands
        mvc.perform(get("/api/targets/plans/" + planId + "/targets/C01").with(office))
                .andExpect(jsonPath("$.provinceAlignment.provenance", is("CITY")))
                .andExpect(jsonPath("$.provinceAlignment.effectiveValue", is(5)))
                .andExpect(jsonPath("$.holders[0].value", is(5)));
        // the shares still add up to the city's 210 of 220: the split must follow before the plan can be issued
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].reason", hasItem(containsString("缺口10"))));

        target("A03", aligned(investment(share("410102", 130, 50), share("410103", 90, 50)), "HN-JJ-03"))
                .andExpect(status().isOk());
        catalogue(PROVINCE_INVESTMENT + "," + PROVINCE_ENERGY).andExpect(status().isOk());
        mvc.perform(get("/api/targets/plans/" + planId + "/targets/A03").with(office))
                .andExpect(jsonPath("$.provinceAlignment.provenance", is("PROVINCE")))
                .andExpect(jsonPath("$.version", is(3)));
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().isOk());

        // every holder's TargetAssigned says where the target's value came from; a share keeps its own part
        mvc.perform(get("/api/targets/assignments/" + planId + "-A03@410100-FGW").with(office))
                .andExpect(jsonPath("$.targetValue", is(220)))
                .andExpect(jsonPath("$.provinceTargetValue", is(220)))
                .andExpect(jsonPath("$.cityTargetValue", is(200)))
                .andExpect(jsonPath("$.targetValueProvenance", is("PROVINCE")));
        TargetAssigned share = JSON.readValue(outboxOf("assignments", planId + "-A03@410102").getFirst().getString("data"),
                TargetAssigned.class);
        assertThat(share.targetValue()).isEqualByComparingTo("130");
        assertThat(share.provinceTargetValue()).isEqualByComparingTo("220");
        assertThat(share.cityTargetValue()).isEqualByComparingTo("200");
        assertThat(share.targetValueProvenance()).isEqualTo("PROVINCE");
        TargetAssigned energy = JSON.readValue(outboxOf("assignments", planId + "-C01@410100-FGW").getFirst().getString("data"),
                TargetAssigned.class);
        assertThat(energy.targetValueProvenance()).isEqualTo("CITY");
        assertThat(energy.provinceTargetValue()).isEqualByComparingTo("4.5");
    }

    @Test
    void aCatalogueThatComesAfterIssueRaisesTheTargetAndItsSharesByOrderOnceAndTheSharesStillAddUp() throws Exception {
        target("A03", aligned(investment(share("410102", 120, 50), share("410103", 90, 50)), "HN-JJ-03"))
                .andExpect(status().isCreated());
        target("C01", aligned(ENERGY, "HN-JN-01")).andExpect(status().isCreated());
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().isOk());
        catalogue(PROVINCE_INVESTMENT + "," + PROVINCE_ENERGY).andExpect(status().isOk());   // stored: nothing changes yet
        mvc.perform(get("/api/targets/assignments/" + planId + "-A03@410100-FGW").with(office))
                .andExpect(jsonPath("$.targetValue", is(200)));
        mvc.perform(post("/api/targets/plans/" + planId + "/province-alignment/orders")
                        .with(user("410102", "county", "reporter")))
                .andExpect(status().isForbidden());

        // 220 where the city set 200 (×1.1): the lead to 220, the shares 120 → 132 and 90 → 99 (231 ≥ 220);
        // the energy target's 5% is stricter than the province's 4.5%: not touched
        mvc.perform(post("/api/targets/plans/" + planId + "/province-alignment/orders").with(office))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed", is(3)))
                .andExpect(jsonPath("$.targets", hasSize(1)))
                .andExpect(jsonPath("$.targets[0].targetCode", is("A03")))
                .andExpect(jsonPath("$.targets[0].changes[*].assignmentId", org.hamcrest.Matchers.contains(
                        planId + "-A03@410102", planId + "-A03@410103", planId + "-A03@410100-FGW")))
                .andExpect(jsonPath("$.targets[0].changes[0].to").value(132))
                .andExpect(jsonPath("$.targets[0].changes[1].to").value(99))
                .andExpect(jsonPath("$.targets[0].changes[2].to").value(220));

        mvc.perform(get("/api/targets/assignments/" + planId + "-A03@410100-FGW").with(office))
                .andExpect(jsonPath("$.targetValue", is(220)))
                .andExpect(jsonPath("$.targetValueProvenance", is("PROVINCE")))
                .andExpect(jsonPath("$.cityTargetValue", is(200)));
        List<Document> events = outboxOf("assignments", planId + "-A03@410102");
        TargetAssigned raised = JSON.readValue(events.stream().filter(e -> TargetAssigned.TYPE.equals(e.getString("type")))
                .reduce((a, b) -> b).orElseThrow().getString("data"), TargetAssigned.class);
        assertThat(raised.targetValue()).isEqualByComparingTo("132");
        assertThat(raised.provinceTargetValue()).isEqualByComparingTo("220");
        assertThat(raised.targetValueProvenance()).isEqualTo("PROVINCE");
        assertThat(events).anySatisfy(e -> assertThat(e.getString("type")).isEqualTo(TargetAdjusted.TYPE));

        mvc.perform(post("/api/targets/plans/" + planId + "/province-alignment/orders").with(office))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changed", is(0)))
                .andExpect(jsonPath("$.targets[0].note", containsString("已不低于省目标")));
    }

    @Test
    void aDraftIsNotRealignedByOrdersItIsAlignedOnImport() throws Exception {
        catalogue(PROVINCE_INVESTMENT).andExpect(status().isOk());
        mvc.perform(post("/api/targets/plans/" + planId + "/province-alignment/orders").with(office))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.field", is("status")));
    }

    @Test
    void aTargetNamingAnIndicatorOfTheCatalogueIsAlignedAndOneTheCatalogueDropsGoesBackToItsOwnValue() throws Exception {
        catalogue(PROVINCE_INVESTMENT).andExpect(status().isOk());
        target("A03", aligned(investment(share("410102", 130, 50), share("410103", 90, 50)), "HN-JJ-03"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/targets/plans/" + planId + "/targets/A03").with(office))
                .andExpect(jsonPath("$.provinceAlignment.provenance", is("PROVINCE")))
                .andExpect(jsonPath("$.holders[0].value", is(220)));

        catalogue(PROVINCE_ENERGY).andExpect(status().isOk());

        mvc.perform(get("/api/targets/plans/" + planId + "/targets/A03").with(office))
                .andExpect(jsonPath("$.provinceAlignment", org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.holders[0].value", is(200)));
    }

    @Test
    void issuingIsRefusedWithEveryShortfallAndScoreTotalListedAndNothingWritten() throws Exception {
        target("A03", investment(share("410102", 100, 50), share("410103", 90, 40))).andExpect(status().isCreated());

        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[*].field", hasItem("targets[A03].allocations")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("units[410102].standardScore")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("units[410103].standardScore")))
                .andExpect(jsonPath("$.errors[*].reason", hasItem(containsString("缺口10"))));

        mvc.perform(get("/api/targets/plans/" + planId).with(office)).andExpect(jsonPath("$.status", is("DRAFT")));
        assertThat(db.getCollection("assignments").countDocuments(Filters.eq("planId", planId))).isZero();
        assertThat(db.getCollection("letters").countDocuments(Filters.eq("planId", planId))).isZero();
    }

    @Test
    void unknownUnitsAndChildrenOutsideTheirParentAreRefusedWithTheField() throws Exception {
        target("A03", investment(share("410199", 200, 50))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("allocations[0].unitCode")));
        target("A03", investment(share("410103", 200, 50),
                "{\"unitCode\":\"410102001\",\"parentUnitCode\":\"410103\",\"value\":200}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("allocations[1].unitCode")));
        target("A03", investment("{\"unitCode\":\"410102\",\"value\":\"很多\"}")).andExpect(status().isBadRequest());
        target("A03", investment(share("410102", -5, 50))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("allocations[0].value")));
        target("A03", investment("{\"unitCode\":\"410102\",\"value\":1.0000000000000000000000000000000000001}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("allocations[0].value")));
        target("A03", investment(share("410102", 200, 50)).replace("\"targetValue\":200", "\"targetValue\":1e7000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("targetValue")));
        assertThat(db.getCollection("targets").countDocuments(Filters.eq("planId", planId))).isZero();
    }

    @Test
    void anIssuedTargetChangesOnlyThroughAnAdjustment() throws Exception {
        issuable();
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().isOk());

        target("A03", investment(share("410102", 130, 50), share("410103", 90, 50))).andExpect(status().isConflict());
        mvc.perform(put("/api/targets/assignments/" + planId + "-A03@410102").with(office)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"planId":"%s","year":%d,"targetCode":"A03","targetTitle":"x","unitCode":"410102",
                                 "indicatorKind":"CUMULATIVE","targetValue":1,"frequency":"MONTHLY"}""".formatted(planId, year)))
                .andExpect(status().isConflict());
    }

    @Test
    void aUnitAsksTheOfficeApprovesAndTheNewVersionIsPublishedWithItsReason() throws Exception {
        issuable();
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().isOk());
        String a = planId + "-A03@410103";
        var countyLeader = user("410103", "county", "leader");

        mvc.perform(post("/api/targets/assignments/" + a + "/adjustments").with(countyLeader)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\":85,\"reason\":\"受拆迁进度影响\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status", is("REQUESTED")));
        // 120 + 85 = 205 still covers the 200 of the target
        mvc.perform(get("/api/targets/adjustments").with(office)).andExpect(jsonPath("$[*].assignmentId", hasItem(a)));
        mvc.perform(post("/api/targets/assignments/" + a + "/adjustments/1/approval").with(office))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("APPROVED")));

        mvc.perform(get("/api/targets/assignments/" + a).with(countyLeader))
                .andExpect(jsonPath("$.version", is(2))).andExpect(jsonPath("$.targetValue", is(85)));
        assertThat(outboxOf("assignments", a)).extracting(e -> e.getString("type"))
                .containsExactly(TargetAssigned.TYPE, TargetAssigned.TYPE, TargetAdjusted.TYPE);
        mvc.perform(get("/api/targets/assignments/" + a + "/history").with(countyLeader))
                .andExpect(jsonPath("$[*].targetValue", containsInAnyOrder(90, 85)));
    }

    @Test
    void anAdjustmentThatWouldLeaveTheSharesShortIsRefusedWithTheShortfall() throws Exception {
        issuable();
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().isOk());
        String a = planId + "-A03@410103";

        mvc.perform(post("/api/targets/assignments/" + a + "/orders").with(office)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"value\":60,\"reason\":\"下调\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].reason", containsString("缺口20")));
        mvc.perform(get("/api/targets/assignments/" + a).with(office)).andExpect(jsonPath("$.version", is(1)));
    }

    @Test
    void onlyTheUnitItselfAsksAndOnlyTheIssuingOfficeDecides() throws Exception {
        issuable();
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().isOk());
        String a = planId + "-A03@410103";
        String body = "{\"value\":85,\"reason\":\"理由\"}";

        mvc.perform(post("/api/targets/assignments/" + a + "/adjustments").with(user("410102", "county", "leader"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isNotFound());
        mvc.perform(post("/api/targets/assignments/" + a + "/adjustments").with(office)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/targets/assignments/" + a + "/adjustments").with(user("410103", "county", "leader"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated());
        mvc.perform(post("/api/targets/assignments/" + a + "/adjustments/1/approval")
                .with(user("410103", "county", "target-office"))).andExpect(status().isForbidden());
    }

    @Test
    void countiesSeeAnIssuedPlanAndOnlyTheirOwnPartsOfItsTargets() throws Exception {
        issuable();
        var countyB = user("410105", "county", "reporter");
        var countyA = user("410102", "county", "reporter");
        mvc.perform(get("/api/targets/plans/" + planId).with(countyA)).andExpect(status().isNotFound());
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().isOk());

        mvc.perform(get("/api/targets/plans/" + planId + "/targets/A03").with(countyA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.holders[*].unitCode", containsInAnyOrder("410102")));
        mvc.perform(get("/api/targets/plans/" + planId + "/targets").with(countyB))
                .andExpect(jsonPath("$.total", is(0)));
        mvc.perform(get("/api/targets/plans/" + planId + "/targets/A03").with(countyB)).andExpect(status().isNotFound());
        mvc.perform(get("/api/targets/plans/" + planId + "/targets?monitor=410100-TJJ").with(user("410100-TJJ", "department", "monitor")))
                .andExpect(jsonPath("$.total", is(2)))
                .andExpect(jsonPath("$.items[0].holders", hasSize(3)));
        mvc.perform(get("/api/targets/plans?year=" + year).with(countyA)).andExpect(jsonPath("$.items[*].id", hasItem(planId)));
        mvc.perform(get("/api/targets/plans?year=" + year).with(user("410200", "county", "reporter")))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(planId))));
    }

    @Test
    void theLastLetterAcknowledgedStartsThePlan() throws Exception {
        issuable();
        mvc.perform(post("/api/targets/plans/" + planId + "/issue").with(office)).andExpect(status().isOk());

        mvc.perform(post("/api/targets/plans/" + planId + "/letters/410102/acknowledgement")
                .with(user("410103", "county", "leader"))).andExpect(status().isNotFound());
        for (String unit : List.of("410100-FGW", "410102", "410103")) {
            mvc.perform(post("/api/targets/plans/" + planId + "/letters/" + unit + "/acknowledgement")
                            .with(user(unit, unit.contains("-") ? "department" : "county", "leader")))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.acknowledgedBy", is("u-" + unit)));
        }
        mvc.perform(get("/api/targets/plans/" + planId).with(office)).andExpect(jsonPath("$.status", is("IN_PROGRESS")));
    }

    @Test
    void theApiIsDescribedInOpenApiWithItsBearerScheme() throws Exception {
        mvc.perform(get("/api/targets/openapi").with(user("410102", "county", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.info.title", containsString("target-service")))
                .andExpect(jsonPath("$.paths['/api/targets/plans/{planId}/issue'].post").exists())
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme", is("bearer")));
    }
}
