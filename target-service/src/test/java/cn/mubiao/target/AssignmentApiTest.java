package cn.mubiao.target;

import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.testing.InMemoryMongo;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.UUID;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class AssignmentApiTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("target-api-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoDatabase db;

    private static final String INVESTMENT = """
            {"planId":"2007-410100","year":2007,"targetCode":"A03","targetTitle":"新增城镇固定资产投资",
             "category":"跨越式发展目标","unitCode":"%s","unitName":"中原区","monitorUnitCode":"410100-TJJ",
             "indicatorKind":"CUMULATIVE","unitOfMeasure":"亿元","targetValue":%s,"standardScore":10,
             "frequency":"MONTHLY","leaders":["张副市长"]}""";

    private MockHttpServletRequestBuilder assign(String id, String unit, String value) {
        return put("/api/targets/assignments/" + id).contentType(MediaType.APPLICATION_JSON)
                .content(INVESTMENT.formatted(unit, value));
    }

    private Document stored(String id) {
        return db.getCollection("assignments").find(Filters.eq("_id", id)).first();
    }

    @Test
    void theCityTargetOfficeAssignsATargetAndRecordsTargetAssigned() throws Exception {
        String id = "A03-" + UUID.randomUUID();

        mvc.perform(assign(id, "410102", "30").with(user("410100", "city", "target-office")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.targetValue", is(30)));

        assertThat(stored(id).getList("outbox", Document.class)).singleElement()
                .satisfies(e -> assertThat(e.getString("type")).isEqualTo(TargetAssigned.TYPE));
    }

    @Test
    void revisingMakesANewVersionAndTheSameTermsChangeNothing() throws Exception {
        String id = "A03-" + UUID.randomUUID();
        var office = user("410100", "city", "target-office");
        mvc.perform(assign(id, "410102", "30").with(office)).andExpect(status().isCreated());

        mvc.perform(assign(id, "410102", "32").with(office)).andExpect(status().isOk()).andExpect(jsonPath("$.version", is(2)));
        mvc.perform(assign(id, "410102", "32").with(office)).andExpect(status().isOk()).andExpect(jsonPath("$.version", is(2)));

        assertThat(stored(id).getList("outbox", Document.class)).hasSize(2);
    }

    @Test
    void onlyTheTargetOfficeAssigns() throws Exception {
        mvc.perform(assign("A03-x", "410102", "30").with(user("410102", "county", "reporter")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCountyOfficeCannotAssignOutsideItsSubtree() throws Exception {
        mvc.perform(assign("A03-" + UUID.randomUUID(), "410105", "30").with(user("410102", "county", "target-office")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rejectsAnUnknownUnitCodeFormatNamingTheField() throws Exception {
        String id = "A03-" + UUID.randomUUID();
        mvc.perform(assign(id, "41-0102", "30").with(user("410100", "city", "target-office")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("unitCode")));
        assertThat(stored(id)).isNull();
    }

    @Test
    void rejectsANegativeTargetValueNamingTheField() throws Exception {
        mvc.perform(assign("A03-" + UUID.randomUUID(), "410102", "-5").with(user("410100", "city", "target-office")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field", is("targetValue")));
    }

    @Test
    void rejectsASeasonalCurveThatDoesNotEndAtOne() throws Exception {
        String body = INVESTMENT.formatted("410102", "30").replace("\"frequency\"",
                "\"seasonalShares\":[0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95,0.96,0.97],\"frequency\"");
        mvc.perform(put("/api/targets/assignments/A03-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(user("410100", "city", "target-office")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("seasonalShares[11]")));
    }

    @Test
    void aCountySeesItsOwnAssignmentsButNotAnotherCountys() throws Exception {
        String zy = "A03-" + UUID.randomUUID();
        String js = "A03-" + UUID.randomUUID();
        var office = user("410100", "city", "target-office");
        mvc.perform(assign(zy, "410102", "30").with(office)).andExpect(status().isCreated());
        mvc.perform(assign(js, "410105", "25").with(office)).andExpect(status().isCreated());

        mvc.perform(get("/api/targets/assignments").with(user("410102", "county", "leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItem(zy)))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(js))));
        mvc.perform(get("/api/targets/assignments/" + js).with(user("410102", "county", "leader")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/targets/assignments/" + js).with(user("410100-TJJ", "department", "monitor")))
                .andExpect(status().isOk());
    }

    @Test
    void aDepartmentSeesWhatItLeadsCoHandlesOrMonitorsAndABystanderSeesNothing() throws Exception {
        String id = "A03-" + UUID.randomUUID();
        String body = INVESTMENT.formatted("410102", "30").replace("\"monitorUnitCode\"", "\"coUnitCodes\":[\"410100-JWJ\"],\"monitorUnitCode\"");
        mvc.perform(put("/api/targets/assignments/" + id).contentType(MediaType.APPLICATION_JSON).content(body)
                .with(user("410100", "city", "target-office"))).andExpect(status().isCreated());

        mvc.perform(get("/api/targets/assignments").with(user("410100-JWJ", "department", "reporter")))
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
        mvc.perform(get("/api/targets/assignments").with(user("410100-TJJ", "department", "monitor")))
                .andExpect(jsonPath("$.items[*].id", hasItem(id)));
        mvc.perform(get("/api/targets/assignments").with(user("410100-CZJ", "department", "reporter")))
                .andExpect(jsonPath("$.items[*].id", not(hasItem(id))));
        mvc.perform(get("/api/targets/assignments/" + id).with(user("410100-CZJ", "department", "reporter")))
                .andExpect(status().isNotFound());
    }

    @Test
    void rejectsTheResponsibleUnitAsItsOwnCoUnit() throws Exception {
        String body = INVESTMENT.formatted("410102", "30").replace("\"monitorUnitCode\"", "\"coUnitCodes\":[\"410102\"],\"monitorUnitCode\"");
        mvc.perform(put("/api/targets/assignments/A03-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON).content(body)
                .with(user("410100", "city", "target-office")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("coUnitCodes[0]")));
    }
}
