package cn.mubiao.target.unit;

import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.target.unit.application.UnitLookup;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class UnitApiTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("unit-api-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoDatabase db;
    @Autowired
    UnitLookup lookup;

    private static final RequestPostProcessor CITY_OFFICE = user("410100", "city", "target-office");
    private static final RequestPostProcessor ZY_OFFICE = user("410102", "county", "target-office");

    @BeforeEach
    void zhengzhou() throws Exception {
        db.getCollection("units").drop();
        putOk(region("410000", "河南省", null, "PROVINCE"), CITY_OFFICE);
        putOk(region("410100", "郑州市", "410000", "CITY"), CITY_OFFICE);
        putOk(region("410102", "中原区", "410100", "区"), CITY_OFFICE);
        putOk(region("410103", "二七区", "410100", "区"), CITY_OFFICE);
        putOk(region("410105", "金水区", "410100", "区"), CITY_OFFICE);
    }

    private record Body(String code, String json) {
    }

    private static Body region(String code, String name, String parent, String kind) {
        return new Body(code, """
                {"name":"%s","parentCode":%s,"kind":"%s","contacts":[]}"""
                .formatted(name, parent == null ? "null" : "\"" + parent + "\"", kind));
    }

    private static Body department(String code, String name, String kind, String attachedTo) {
        return new Body(code, """
                {"name":"%s","parentCode":"%s","departmentKind":"%s","attachedTo":%s,"assessmentCategory":%s,
                 "contacts":[{"name":"王敏","post":"办公室主任","phone":"13800000071","email":"wangmin@demo.mubiao.cn"}]}"""
                .formatted(name, code.substring(0, code.indexOf('-')), kind,
                        attachedTo == null ? "null" : "\"" + attachedTo + "\"",
                        attachedTo == null ? "\"DEPARTMENTS\"" : "null"));
    }

    private static MockHttpServletRequestBuilder putUnit(Body b) {
        return putUnit(b.code(), b.json());
    }

    private static MockHttpServletRequestBuilder putUnit(String code, String json) {
        return put("/api/targets/units/" + code).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private static MockHttpServletRequestBuilder postJson(String path, String json) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(json);
    }

    private void putOk(Body b, RequestPostProcessor who) throws Exception {
        mvc.perform(putUnit(b).with(who)).andExpect(status().isCreated());
    }

    private Document stored(String code) {
        return db.getCollection("units").find(Filters.eq("_id", code)).first();
    }

    private long version(String code) {
        return ((Number) stored(code).get("version")).longValue();
    }

    private void streets() throws Exception {
        putOk(new Body("410102001", """
                {"name":"林山寨街道","parentCode":"410102","kind":"街道","assessmentCategory":"STREETS","contacts":[]}"""), ZY_OFFICE);
        putOk(new Body("410102002", """
                {"name":"建设路街道","parentCode":"410102","kind":"STREET","assessmentCategory":"街道","contacts":[]}"""), ZY_OFFICE);
        putOk(new Body("410102101", """
                {"name":"须水镇","parentCode":"410102","kind":"镇","assessmentCategory":"TOWNS","contacts":[]}"""), ZY_OFFICE);
        putOk(new Body("410103001", """
                {"name":"淮河路街道","parentCode":"410103","kind":"街道","assessmentCategory":"STREETS","contacts":[]}"""), CITY_OFFICE);
    }

    // ---- create, update, history, as of -------------------------------------------------------------------

    @Test
    void theCityTargetOfficeRegistersAUnitAndRecordsUnitChangedInTheSameDocument() throws Exception {
        mvc.perform(putUnit(department("410100-FGW", "郑州市发展和改革委员会", "GOVERNMENT", null)).with(CITY_OFFICE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/targets/units/410100-FGW"))
                .andExpect(jsonPath("$.version", is(1)))
                .andExpect(jsonPath("$.level", is("DEPARTMENT")))
                .andExpect(jsonPath("$.parentCode", is("410100")))
                .andExpect(jsonPath("$.departmentKind", is("GOVERNMENT")))
                .andExpect(jsonPath("$.departmentKindLabel", is("政府部门")))
                .andExpect(jsonPath("$.assessmentCategoryLabel", is("区直部门")))
                .andExpect(jsonPath("$.status", is("ACTIVE")))
                .andExpect(jsonPath("$.contacts[0].phone", is("13800000071")));

        Document d = stored("410100-FGW");
        assertThat(d.getList("versions", Document.class)).hasSize(1);
        assertThat(d.getList("outbox", Document.class)).singleElement().satisfies(e -> {
            assertThat(e.getString("type")).isEqualTo(UnitChanged.TYPE);
            assertThat(e.getString("subject")).isEqualTo("410100-FGW");
            assertThat(e.getString("data")).contains("\"change\":\"REGISTERED\"").contains("\"name\":\"郑州市发展和改革委员会\"");
        });
    }

    @Test
    void changingMakesANewVersionAndTheSameBodyChangesNothing() throws Exception {
        var renamed = region("410105", "金水区（新）", "410100", "DISTRICT");
        mvc.perform(putUnit(renamed).with(CITY_OFFICE)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is(2))).andExpect(jsonPath("$.change", is("DESCRIBED")));
        mvc.perform(putUnit(renamed).with(CITY_OFFICE)).andExpect(status().isOk()).andExpect(jsonPath("$.version", is(2)));

        assertThat(stored("410105").getList("outbox", Document.class)).hasSize(2);
        assertThat(stored("410105").getList("versions", Document.class)).hasSize(2);
    }

    @Test
    void newContactsMakeAVersionOfTheirOwn() throws Exception {
        String withContacts = """
                {"name":"中原区","parentCode":"410100","kind":"区","contacts":[
                 {"name":"王敏","post":"区目标办主任","phone":"13800000011","email":"zy-office@demo.mubiao.cn"},
                 {"name":"李强","post":"区目标办科员","phone":"0371-67181234"}]}""";
        mvc.perform(putUnit("410102", withContacts).with(CITY_OFFICE)).andExpect(status().isOk())
                .andExpect(jsonPath("$.version", is(2)))
                .andExpect(jsonPath("$.change", is("CONTACTS_CHANGED")))
                .andExpect(jsonPath("$.contacts[*].name", contains("王敏", "李强")));
    }

    @Test
    void historyListsEveryVersionAndAsOfReadsTheOneInForce() throws Exception {
        putOk(new Body("410108", """
                {"name":"邙山区","parentCode":"410100","kind":"区","validFrom":"1987-01-01","contacts":[]}"""), CITY_OFFICE);
        mvc.perform(putUnit("410108", """
                {"name":"惠济区","parentCode":"410100","kind":"区","validFrom":"2004-01-01","contacts":[]}""").with(CITY_OFFICE))
                .andExpect(status().isOk());

        mvc.perform(get("/api/targets/units/410108/history").with(CITY_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", contains("邙山区", "惠济区")))
                .andExpect(jsonPath("$[*].validFrom", contains("1987-01-01", "2004-01-01")));
        mvc.perform(get("/api/targets/units/410108?asOf=2003-12-31").with(CITY_OFFICE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name", is("邙山区"))).andExpect(jsonPath("$.version", is(1)));
        mvc.perform(get("/api/targets/units/410108?asOf=2007-06-30").with(CITY_OFFICE))
                .andExpect(jsonPath("$.name", is("惠济区")));
        mvc.perform(get("/api/targets/units/410108").with(CITY_OFFICE)).andExpect(jsonPath("$.name", is("惠济区")));
        mvc.perform(get("/api/targets/units/410108?asOf=1986-12-31").with(CITY_OFFICE)).andExpect(status().isNotFound());
        mvc.perform(get("/api/targets/units/410108?asOf=2007-13-01").with(CITY_OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("asOf")));
    }

    // ---- bad input: 4xx naming the field, nothing written ------------------------------------------------

    private void refused(String code, String json, int status, String field) throws Exception {
        Document before = stored(code);
        mvc.perform(putUnit(code, json).with(CITY_OFFICE))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field", is(field)));
        assertThat(stored(code)).as("nothing written").isEqualTo(before);
    }

    @Test
    void aTownshipOutsideItsParentCountyIsRefused() throws Exception {
        refused("410102001", """
                {"name":"林山寨街道","parentCode":"410103","kind":"街道","contacts":[]}""", 400, "parentCode");
    }

    @Test
    void aDepartmentUnderAnotherRegionThanItsCodesIsRefused() throws Exception {
        refused("410102-CZJ", """
                {"name":"中原区财政局","parentCode":"410100","departmentKind":"GOVERNMENT","contacts":[]}""", 400, "parentCode");
    }

    @Test
    void malformedInputIsRefusedNamingTheField() throws Exception {
        refused("4101-02", """
                {"name":"某区","parentCode":"410100","kind":"区","contacts":[]}""", 400, "code");
        refused("410106", """
                {"code":"410107","name":"上街区","parentCode":"410100","kind":"区","contacts":[]}""", 400, "code");
        refused("410106", """
                {"name":"","parentCode":"410100","kind":"区","contacts":[]}""", 400, "name");
        refused("410106", """
                {"name":"上街区","parentCode":"410100","kind":"地区","contacts":[]}""", 400, "kind");
        refused("410106", """
                {"name":"上街区","parentCode":"410100","kind":"街道","contacts":[]}""", 400, "kind");
        refused("410106", """
                {"name":"上街区","parentCode":"410100","kind":"区","assessmentCategory":"TOWNS","contacts":[]}""", 400, "assessmentCategory");
        refused("410106", """
                {"name":"上街区","parentCode":"410100","kind":"区","contacts":[{"name":"王敏","phone":"1380000"}]}""", 400, "contacts[0].phone");
        refused("410106", """
                {"name":"上街区","parentCode":"410100","kind":"区","contacts":[{"name":"王敏"},{"name":"李强","email":"li@qiang"}]}""",
                400, "contacts[1].email");
        refused("410106", """
                {"name":"上街区","parentCode":"410100","kind":"区","validFrom":"2007-02-30","contacts":[]}""", 400, "validFrom");
        refused("410102-CZJ", """
                {"name":"中原区财政局","parentCode":"410102","departmentKind":"财政","contacts":[]}""", 400, "departmentKind");
    }

    @Test
    void anUnknownOrClosedParentIsRefused() throws Exception {
        refused("410106001", """
                {"name":"济源路街道","parentCode":"410106","kind":"街道","contacts":[]}""", 422, "parentCode");
        mvc.perform(postJson("/api/targets/units/410105/close", """
                {"date":"2030-01-01","reason":"撤销"}""").with(CITY_OFFICE)).andExpect(status().isOk());
        refused("410105001", """
                {"name":"经八路街道","parentCode":"410105","kind":"街道","contacts":[]}""", 422, "parentCode");
    }

    @Test
    void anAttachmentMustBeToAnActiveDepartmentOfTheSameRegionWithoutACycle() throws Exception {
        putOk(department("410102-QWB", "中原区委办", "PARTY", null), CITY_OFFICE);
        putOk(department("410103-QWB", "二七区委办", "PARTY", null), CITY_OFFICE);
        putOk(department("410102-XFJ", "中原区信访局", "PARTY", "410102-QWB"), CITY_OFFICE);

        refused("410102-DCS", department("410102-DCS", "中原区督查室", "PARTY", "410103-QWB").json(), 400, "attachedTo");
        refused("410102-BMJ", department("410102-BMJ", "中原区保密局", "PARTY", "410102-ZZB").json(), 422, "attachedTo");
        refused("410102-QWB", department("410102-QWB", "中原区委办", "PARTY", "410102-XFJ").json(), 422, "attachedTo");
    }

    @Test
    void theParentChangesOnlyByMove() throws Exception {
        refused("410102", region("410102", "中原区", "410000", "区").json(), 400, "parentCode");
    }

    // ---- who may ------------------------------------------------------------------------------------------

    @Test
    void onlyATargetOfficeCoveringTheParentMaintainsAUnit() throws Exception {
        var street = new Body("410102001", """
                {"name":"林山寨街道","parentCode":"410102","kind":"街道","contacts":[]}""");
        mvc.perform(putUnit(street).with(user("410102", "county", "reporter"))).andExpect(status().isForbidden());
        mvc.perform(putUnit(street).with(user("410103", "county", "target-office"))).andExpect(status().isForbidden());
        mvc.perform(putUnit(street).with(user("410102-CZJ", "department", "target-office"))).andExpect(status().isForbidden());
        assertThat(stored("410102001")).isNull();

        mvc.perform(putUnit(street).with(ZY_OFFICE)).andExpect(status().isCreated());
        mvc.perform(putUnit(department("410102-CZJ", "中原区财政局", "GOVERNMENT", null)).with(ZY_OFFICE))
                .andExpect(status().isCreated());
        // a county office does not maintain its own county: the city office above it does
        mvc.perform(putUnit(region("410102", "中原", "410100", "区")).with(ZY_OFFICE))
                .andExpect(status().isForbidden());
        mvc.perform(postJson("/api/targets/units/410102001/close", """
                {"date":"2030-01-01","reason":"撤销"}""").with(user("410102", "county", "leader")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTopOfTheTreeIsKeptByTheCityOfficeBelowItAndNoOtherOffice() throws Exception {
        // no provincial office works on the platform: the city office keeps its own city and the province
        mvc.perform(putUnit(region("410100", "郑州市", "410000", "CITY").code(), """
                {"name":"郑州市","parentCode":"410000","kind":"市","contacts":[{"name":"王敏","phone":"0371-67181234"}]}""")
                .with(CITY_OFFICE)).andExpect(status().isOk()).andExpect(jsonPath("$.version", is(2)));
        mvc.perform(putUnit(region("410000", "河南", null, "PROVINCE")).with(ZY_OFFICE)).andExpect(status().isForbidden());
        mvc.perform(putUnit(region("410100", "郑州", "410000", "CITY")).with(ZY_OFFICE)).andExpect(status().isForbidden());
        mvc.perform(putUnit(region("410200", "开封市", "410000", "CITY")).with(CITY_OFFICE)).andExpect(status().isForbidden());
        mvc.perform(putUnit(region("410000", "河南", null, "PROVINCE")).with(user("520200", "city", "target-office")))
                .andExpect(status().isForbidden());
        assertThat(stored("410200")).isNull();
        assertThat(version("410000")).isEqualTo(1L);
    }

    @Test
    void theProvinceClientReadsNoUnits() throws Exception {
        mvc.perform(get("/api/targets/units").with(user("410000", "province"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/targets/units/410100").with(user("410000", "province"))).andExpect(status().isForbidden());
    }

    // ---- reads: scoping, paging, filters -------------------------------------------------------------------

    @Test
    void aCountySeesItsSubtreeAndNotAnotherCountys() throws Exception {
        streets();
        putOk(department("410102-CZJ", "中原区财政局", "GOVERNMENT", null), CITY_OFFICE);

        mvc.perform(get("/api/targets/units?size=200").with(user("410102", "county", "leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].code", contains("410102", "410102-CZJ", "410102001", "410102002", "410102101")))
                .andExpect(jsonPath("$.total", is(5)));
        mvc.perform(get("/api/targets/units/410103001").with(user("410102", "county", "leader")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/targets/units/410103001/history").with(user("410102", "county", "leader")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/targets/units/410100").with(user("410102", "county", "leader")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/targets/units/410102001").with(user("410102", "county", "reporter")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.kindLabel", is("街道")));
    }

    @Test
    void aDepartmentSeesItselfAndTheUnitsAttachedToIt() throws Exception {
        putOk(department("410100-FGW", "市发改委", "GOVERNMENT", null), CITY_OFFICE);
        putOk(department("410100-WJJ", "市物价局", "GOVERNMENT", "410100-FGW"), CITY_OFFICE);
        putOk(department("410100-CZJ", "市财政局", "GOVERNMENT", null), CITY_OFFICE);

        mvc.perform(get("/api/targets/units").with(user("410100-FGW", "department", "reporter")))
                .andExpect(jsonPath("$.items[*].code", contains("410100-FGW", "410100-WJJ")));
        mvc.perform(get("/api/targets/units/410100-WJJ").with(user("410100-FGW", "department", "reporter")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/targets/units").with(user("410100-CZJ", "department", "reporter")))
                .andExpect(jsonPath("$.items[*].code", contains("410100-CZJ")));
        mvc.perform(get("/api/targets/units/410100-FGW").with(user("410100-CZJ", "department", "reporter")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/targets/units/410100").with(user("410100-FGW", "department", "reporter")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theListIsPagedByCodeAndCountsEverythingItMatches() throws Exception {
        streets();
        mvc.perform(get("/api/targets/units?size=3&page=0").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items[*].code", contains("410100", "410102", "410102001")))
                .andExpect(jsonPath("$.page", is(0))).andExpect(jsonPath("$.size", is(3))).andExpect(jsonPath("$.total", is(8)));
        mvc.perform(get("/api/targets/units?size=3&page=2").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items[*].code", contains("410103001", "410105")));
        mvc.perform(get("/api/targets/units?size=3&page=9").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items", hasSize(0))).andExpect(jsonPath("$.total", is(8)));
        mvc.perform(get("/api/targets/units?size=0").with(CITY_OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("size")));
        mvc.perform(get("/api/targets/units?size=201").with(CITY_OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("size")));
        mvc.perform(get("/api/targets/units?page=-1").with(CITY_OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("page")));
    }

    @Test
    void theListFiltersByParentLevelCategoryStatusAndName() throws Exception {
        streets();
        mvc.perform(postJson("/api/targets/units/410102002/close", """
                {"date":"2030-01-01","successor":"410102001","reason":"合并"}""").with(ZY_OFFICE)).andExpect(status().isOk());

        mvc.perform(get("/api/targets/units?parent=410102").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items[*].code", contains("410102001", "410102002", "410102101")));
        mvc.perform(get("/api/targets/units?level=COUNTY").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items[*].code", contains("410102", "410103", "410105")));
        mvc.perform(get("/api/targets/units?category=STREETS").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items[*].code", contains("410102001", "410102002", "410103001")));
        mvc.perform(get("/api/targets/units?category=镇乡").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items[*].code", contains("410102101")));
        mvc.perform(get("/api/targets/units?category=STREETS&status=ACTIVE&parent=410102").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items[*].code", contains("410102001")));
        mvc.perform(get("/api/targets/units?status=CLOSED").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items[*].code", contains("410102002")));
        mvc.perform(get("/api/targets/units").param("q", "路街").with(CITY_OFFICE))
                .andExpect(jsonPath("$.items[*].code", contains("410102002", "410103001")));
        mvc.perform(get("/api/targets/units").param("q", ".*").with(CITY_OFFICE))
                .andExpect(jsonPath("$.total", is(0)));
        mvc.perform(get("/api/targets/units?level=VILLAGE").with(CITY_OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("level")));
        mvc.perform(get("/api/targets/units?category=乡镇").with(CITY_OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("category")));
    }

    // ---- move and close ------------------------------------------------------------------------------------

    @Test
    void movingToTheSameParentChangesNothingAndAFittingParentKeepsTheCode() throws Exception {
        putOk(new Body("410102003", """
                {"name":"绿东村街道","parentCode":"410100","kind":"街道","contacts":[]}"""), CITY_OFFICE);

        mvc.perform(postJson("/api/targets/units/410102003/move", """
                {"parentCode":"410102","reason":"划归中原区"}""").with(CITY_OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parentCode", is("410102"))).andExpect(jsonPath("$.version", is(2)))
                .andExpect(jsonPath("$.change", is("MOVED"))).andExpect(jsonPath("$.reason", is("划归中原区")));
        mvc.perform(postJson("/api/targets/units/410102003/move", """
                {"parentCode":"410102","reason":"划归中原区"}""").with(CITY_OFFICE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version", is(2)));
    }

    @Test
    void movingAUnitWhoseCodeDoesNotFitNeedsANewCodeAndKeepsBothHistories() throws Exception {
        streets();
        mvc.perform(postJson("/api/targets/units/410102001/move", """
                {"parentCode":"410103","reason":"区划调整"}""").with(CITY_OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("newCode")));
        assertThat(version("410102001")).isEqualTo(1L);

        mvc.perform(postJson("/api/targets/units/410102001/move", """
                {"parentCode":"410103","newCode":"410103020","reason":"区划调整","date":"2030-01-01"}""").with(CITY_OFFICE))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/targets/units/410103020"))
                .andExpect(jsonPath("$.code", is("410103020"))).andExpect(jsonPath("$.parentCode", is("410103")))
                .andExpect(jsonPath("$.name", is("林山寨街道"))).andExpect(jsonPath("$.assessmentCategory", is("STREETS")));

        mvc.perform(get("/api/targets/units/410102001/history").with(CITY_OFFICE))
                .andExpect(jsonPath("$[*].status", contains("ACTIVE", "CLOSED")))
                .andExpect(jsonPath("$[1].successor", is("410103020")));
        mvc.perform(get("/api/targets/units/410102001?asOf=2029-12-31").with(CITY_OFFICE))
                .andExpect(jsonPath("$.status", is("ACTIVE")));
        assertThat(stored("410103020").getList("outbox", Document.class)).hasSize(1);
        assertThat(stored("410102001").getList("outbox", Document.class)).hasSize(2);
        // 中原区 no longer sees the street it gave away
        mvc.perform(get("/api/targets/units/410103020").with(user("410102", "county", "leader")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aMoveNeedsTheOfficeOfBothParents() throws Exception {
        streets();
        mvc.perform(postJson("/api/targets/units/410102001/move", """
                {"parentCode":"410103","newCode":"410103020","reason":"区划调整"}""").with(ZY_OFFICE))
                .andExpect(status().isForbidden());
        mvc.perform(postJson("/api/targets/units/410102001/move", """
                {"parentCode":"410103","newCode":"410103020"}""").with(CITY_OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("reason")));
        assertThat(stored("410103020")).isNull();
    }

    @Test
    void closingAUnitWithActiveChildrenIsRefusedAndClosingTwiceChangesNothing() throws Exception {
        streets();
        mvc.perform(postJson("/api/targets/units/410103/close", """
                {"date":"2030-01-01","successor":"410102","reason":"合并"}""").with(CITY_OFFICE))
                .andExpect(status().is(422)).andExpect(jsonPath("$.field", is("code")));
        assertThat(version("410103")).isEqualTo(1L);

        String close = """
                {"date":"2030-01-01","successor":"410102001","reason":"合并"}""";
        mvc.perform(postJson("/api/targets/units/410103001/close", close).with(CITY_OFFICE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status", is("CLOSED")))
                .andExpect(jsonPath("$.successor", is("410102001"))).andExpect(jsonPath("$.version", is(2)));
        mvc.perform(postJson("/api/targets/units/410103001/close", close).with(CITY_OFFICE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version", is(2)));
        mvc.perform(putUnit("410103001", """
                {"name":"淮河路","parentCode":"410103","kind":"街道","contacts":[]}""").with(CITY_OFFICE))
                .andExpect(status().is(422)).andExpect(jsonPath("$.field", is("code")));
        mvc.perform(postJson("/api/targets/units/410103/close", """
                {"date":"2030-01-01","reason":"合并"}""").with(CITY_OFFICE)).andExpect(status().isOk());
    }

    @Test
    void closingNeedsADateAndAKnownSuccessor() throws Exception {
        mvc.perform(postJson("/api/targets/units/410105/close", """
                {"reason":"撤销"}""").with(CITY_OFFICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("date")));
        mvc.perform(postJson("/api/targets/units/410105/close", """
                {"date":"2030-01-01","successor":"410199","reason":"撤销"}""").with(CITY_OFFICE))
                .andExpect(status().is(422)).andExpect(jsonPath("$.field", is("successor")));
        mvc.perform(postJson("/api/targets/units/410105/close", """
                {"date":"2030-01-01","successor":"410102","reason":"撤销"}""").with(ZY_OFFICE))
                .andExpect(status().isNotFound());
        assertThat(version("410105")).isEqualTo(1L);
    }

    @Test
    void anUnknownUnitIsNotFound() throws Exception {
        mvc.perform(get("/api/targets/units/410199").with(CITY_OFFICE)).andExpect(status().isNotFound());
        mvc.perform(get("/api/targets/units/410199/history").with(CITY_OFFICE)).andExpect(status().isNotFound());
        mvc.perform(postJson("/api/targets/units/410199/move", """
                {"parentCode":"410100","reason":"x"}""").with(CITY_OFFICE)).andExpect(status().isNotFound());
        mvc.perform(postJson("/api/targets/units/410199/close", """
                {"date":"2030-01-01","reason":"x"}""").with(CITY_OFFICE)).andExpect(status().isNotFound());
    }

    // ---- for the other features ------------------------------------------------------------------------------

    @Test
    void theLookupAnswersForOtherFeaturesClosedUnitsIncluded() throws Exception {
        streets();
        mvc.perform(postJson("/api/targets/units/410102002/close", """
                {"date":"2030-01-01","reason":"撤销"}""").with(ZY_OFFICE)).andExpect(status().isOk());

        assertThat(lookup.find("410102001")).get().satisfies(u -> {
            assertThat(u.name()).isEqualTo("林山寨街道");
            assertThat(u.parentCode()).isEqualTo("410102");
            assertThat(u.active()).isTrue();
            assertThat(u.assessmentCategory()).isEqualTo("STREETS");
        });
        assertThat(lookup.find("410102002")).get().extracting(UnitLookup.UnitSummary::active).isEqualTo(false);
        assertThat(lookup.find("410199")).isEmpty();
        assertThat(List.of(lookup.find("410100").orElseThrow().parentCode())).containsExactly("410000");
    }
}
