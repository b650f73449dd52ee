package cn.mubiao.kit.audit;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.CurrentCaller;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.kit.security.SecurityConfiguration;
import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.kit.web.ProblemException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every write is audited in the service's own collection; the log is readable, scoped, never editable. */
@SpringBootTest(classes = AuditLogTest.App.class,
        properties = {"spring.application.name=kit-audit", "mubiao.events.relay-interval=1h",
                "mubiao.audit.path=/api/audit",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/certs"})
@AutoConfigureMockMvc
class AuditLogTest {

    private static final String AUDIT = "/api/audit";

    @SpringBootApplication
    @RestController
    static class App {
        @PutMapping("/api/things/{id}")
        Map<String, String> update(@PathVariable String id) {
            return Map.of("id", id);
        }

        @PostMapping("/api/things")
        ResponseEntity<Void> create() {
            return ResponseEntity.created(URI.create("http://localhost/api/things/2007-A03%40410102")).build();
        }

        @DeleteMapping("/api/things/{id}")
        ResponseEntity<Void> remove(@CurrentCaller Caller caller, @PathVariable String id) {
            if (!caller.hasRole(Roles.TARGET_OFFICE)) {
                throw ProblemException.forbidden("只有目标办可以删除 / only the target office may delete");
            }
            return ResponseEntity.noContent().build();
        }

        @PostMapping("/api/things/{id}/parts/{part}")
        void addPart(@PathVariable String id, @PathVariable String part) {
            throw ProblemException.invalid("part", "不认识 / unknown");
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("kit-audit"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoDatabase db;

    private MongoCollection<Document> auditLog;

    @BeforeEach
    void emptyLog() {
        auditLog = db.getCollection("audit_log");
        auditLog.deleteMany(new Document()); // test set-up only: the service has no way to delete
    }

    /** A Keycloak-shaped token: username, unit, realm roles and the client it was issued to. */
    static JwtRequestPostProcessor token(String username, String unit, String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.subject("sub-" + username).claim("preferred_username", username).claim("unit", unit)
                        .claim("azp", "mubiao-cli").claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(SecurityConfiguration::authorities);
    }

    private static JwtRequestPostProcessor cityOffice() {
        return token("city-office", "410100", "city", "target-office");
    }

    private ResultActions readLog(JwtRequestPostProcessor who, String query) throws Exception {
        return mvc.perform(get(AUDIT + query).with(who));
    }

    @Test
    void aWriteIsRecordedWithWhoWhatWhichObjectWhenAndFromWhere() throws Exception {
        Instant before = Instant.now().minusMillis(1);
        mvc.perform(put("/api/things/t-1").with(token("zy-reporter", "410102", "county", "reporter"))
                        .header("X-Request-Id", "req-audit-1").header("X-Forwarded-For", "203.0.113.7, 10.0.0.2"))
                .andExpect(status().isOk());

        Document entry = auditLog.find().first();
        assertThat(entry).isNotNull();
        assertThat(entry.getDate("time").toInstant()).isBetween(before, Instant.now());
        assertThat(entry.getString("requestId")).isEqualTo("req-audit-1");
        assertThat(entry.getString("username")).isEqualTo("zy-reporter");
        assertThat(entry.getString("subject")).isEqualTo("sub-zy-reporter");
        assertThat(entry.getString("unit")).isEqualTo("410102");
        assertThat(entry.getList("roles", String.class)).containsExactly("county", "reporter");
        assertThat(entry.getString("clientId")).isEqualTo("mubiao-cli");
        assertThat(entry.getString("method")).isEqualTo("PUT");
        assertThat(entry.getString("path")).isEqualTo("/api/things/t-1");
        assertThat(entry.get("pathVariables", Document.class)).isEqualTo(new Document("id", "t-1"));
        assertThat(entry.getList("objectIds", String.class)).containsExactly("t-1");
        assertThat(entry.getInteger("status")).isEqualTo(200);
        assertThat(entry.getString("clientIp")).isEqualTo("203.0.113.7");
        assertThat(auditLog.countDocuments()).isOne();
    }

    @Test
    void aCreatedObjectIsNamedByItsLocationAndWithoutAProxyThePeerAddressIsTheClient() throws Exception {
        mvc.perform(post("/api/things").with(cityOffice())).andExpect(status().isCreated());

        Document entry = auditLog.find().first();
        assertThat(entry.getInteger("status")).isEqualTo(201);
        assertThat(entry.getString("location")).isEqualTo("http://localhost/api/things/2007-A03%40410102");
        assertThat(entry.getList("objectIds", String.class)).containsExactly("2007-A03@410102");
        assertThat(entry.getString("clientIp")).isEqualTo("127.0.0.1");
    }

    @Test
    void refusedWritesAreRecordedWithTheirStatus() throws Exception {
        mvc.perform(delete("/api/things/t-2").with(token("zy-reporter", "410102", "county", "reporter")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/things/t-2/parts/p-9").with(token("zy-reporter", "410102", "county", "reporter")))
                .andExpect(status().isBadRequest());
        mvc.perform(patch("/api/things/t-2")).andExpect(status().isUnauthorized());

        List<Document> entries = auditLog.find().into(new ArrayList<>());
        assertThat(entries).extracting(d -> d.getString("method") + " " + d.getInteger("status") + " " + d.getString("username"))
                .containsExactlyInAnyOrder("DELETE 403 zy-reporter", "POST 400 zy-reporter", "PATCH 401 null");
        assertThat(entries).filteredOn(d -> d.getString("method").equals("POST")).singleElement()
                .satisfies(d -> assertThat(d.getList("objectIds", String.class)).containsExactlyInAnyOrder("t-2", "p-9"));
    }

    @Test
    void readsAreNotRecorded() throws Exception {
        readLog(cityOffice(), "").andExpect(status().isOk());
        mvc.perform(get("/api/things/t-3").with(cityOffice()));

        assertThat(auditLog.countDocuments()).isZero();
    }

    @Test
    void onlyTheTargetOfficeAndAuditorsMayReadTheLog() throws Exception {
        mvc.perform(put("/api/things/t-4").with(cityOffice())).andExpect(status().isOk());

        readLog(token("zy-reporter", "410102", "county", "reporter"), "")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        readLog(token("city-leader", "410100", "city", "leader"), "").andExpect(status().isForbidden());
        readLog(cityOffice(), "").andExpect(status().isOk()).andExpect(jsonPath("$.items", hasSize(1)));
        readLog(token("auditor", "410100", "city", "auditor"), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].username", is("city-office")))
                .andExpect(jsonPath("$.items[0].pathVariables.id", is("t-4")))
                .andExpect(jsonPath("$.items[0].roles", contains("city", "target-office")))
                .andExpect(jsonPath("$.items[0].clientId", is("mubiao-cli")));
        mvc.perform(get(AUDIT)).andExpect(status().isUnauthorized());
    }

    @Test
    void aCityOfficeSeesItsCountiesAndDepartmentsAndACountyOfficeOnlyItsOwnSubtree() throws Exception {
        mvc.perform(put("/api/things/a").with(token("zy-reporter", "410102", "county", "reporter")));
        mvc.perform(put("/api/things/b").with(token("zy-town", "410102001", "township", "reporter")));
        mvc.perform(put("/api/things/c").with(token("jsq-reporter", "410105", "county", "reporter")));
        mvc.perform(put("/api/things/d").with(token("fgw-reporter", "410100-FGW", "department", "reporter")));
        mvc.perform(put("/api/things/e").with(cityOffice()));
        mvc.perform(put("/api/things/f").with(token("kf-office", "410200", "city", "target-office")));
        assertThat(auditLog.countDocuments()).isEqualTo(6);

        readLog(cityOffice(), "").andExpect(jsonPath("$.items[*].username",
                containsInAnyOrder("zy-reporter", "zy-town", "jsq-reporter", "fgw-reporter", "city-office")));
        readLog(token("zy-office", "410102", "county", "target-office"), "")
                .andExpect(jsonPath("$.items[*].username", containsInAnyOrder("zy-reporter", "zy-town")));
        readLog(token("fgw-auditor", "410100-FGW", "department", "auditor"), "")
                .andExpect(jsonPath("$.items[*].username", contains("fgw-reporter")));
        readLog(token("kf-office", "410200", "city", "target-office"), "")
                .andExpect(jsonPath("$.items[*].username", contains("kf-office")));
        readLog(token("no-unit", null, "target-office"), "").andExpect(status().isOk())
                .andExpect(jsonPath("$.items", empty()));
    }

    @Test
    void theLogIsPagedNewestFirstAndFilteredByTimeUsernameAndObject() throws Exception {
        Instant start = Instant.now();
        for (String id : List.of("o-1", "o-2", "o-3")) {
            mvc.perform(put("/api/things/" + id).with(cityOffice())).andExpect(status().isOk());
            Thread.sleep(5);
        }
        Instant middle = Instant.now();
        Thread.sleep(5);
        mvc.perform(put("/api/things/o-4").with(token("zy-reporter", "410102", "county", "reporter")));
        mvc.perform(post("/api/things").with(cityOffice())).andExpect(status().isCreated());

        readLog(cityOffice(), "?size=2").andExpect(jsonPath("$.items[*].path", contains("/api/things", "/api/things/o-4")))
                .andExpect(jsonPath("$.page", is(0))).andExpect(jsonPath("$.size", is(2)))
                .andExpect(jsonPath("$.hasNext", is(true)));
        readLog(cityOffice(), "?size=2&page=1").andExpect(jsonPath("$.items[*].path", contains("/api/things/o-3", "/api/things/o-2")))
                .andExpect(jsonPath("$.hasNext", is(true)));
        readLog(cityOffice(), "?size=2&page=2").andExpect(jsonPath("$.items[*].path", contains("/api/things/o-1")))
                .andExpect(jsonPath("$.hasNext", is(false)));
        readLog(cityOffice(), "?from=" + start + "&to=" + middle)
                .andExpect(jsonPath("$.items[*].path", contains("/api/things/o-3", "/api/things/o-2", "/api/things/o-1")));
        readLog(cityOffice(), "?from=" + middle)
                .andExpect(jsonPath("$.items[*].path", contains("/api/things", "/api/things/o-4")));
        readLog(cityOffice(), "?username=zy-reporter").andExpect(jsonPath("$.items[*].path", contains("/api/things/o-4")));
        readLog(cityOffice(), "?objectId=o-2").andExpect(jsonPath("$.items[*].path", contains("/api/things/o-2")));
        readLog(cityOffice(), "?objectId=2007-A03@410102")
                .andExpect(jsonPath("$.items[0].location", is("http://localhost/api/things/2007-A03%40410102")))
                .andExpect(jsonPath("$.items", hasSize(1)));
        readLog(cityOffice(), "?objectId=nothing").andExpect(jsonPath("$.items", empty()))
                .andExpect(jsonPath("$.hasNext", is(false)));
    }

    @Test
    void badQueriesAreProblemsNamingTheField() throws Exception {
        readLog(cityOffice(), "?size=201").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field", is("size")));
        readLog(cityOffice(), "?size=0").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("size")));
        readLog(cityOffice(), "?page=-1").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("page")));
        readLog(cityOffice(), "?from=yesterday").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field", is("from")));
        readLog(cityOffice(), "?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field", is("from")));
        readLog(cityOffice(), "?size=200").andExpect(status().isOk());
    }

    @Test
    void theLogCannotBeChangedOverHttpAndSuchAttemptsAreThemselvesAudited() throws Exception {
        mvc.perform(put("/api/things/t-5").with(cityOffice())).andExpect(status().isOk());
        String id = auditLog.find().first().getObjectId("_id").toHexString();

        for (var attempt : List.of(post(AUDIT), put(AUDIT), patch(AUDIT), delete(AUDIT), delete(AUDIT + "/" + id))) {
            mvc.perform(attempt.with(cityOffice()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().is4xxClientError())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }

        assertThat(auditLog.find(Filters.eq("path", "/api/things/t-5")).first().getInteger("status")).isEqualTo(200);
        assertThat(auditLog.countDocuments(Filters.regex("path", "^" + AUDIT))).isEqualTo(5);
        readLog(cityOffice(), "?objectId=t-5").andExpect(jsonPath("$.items[0].status", is(200)))
                .andExpect(jsonPath("$.items[0].location", nullValue()));
    }
}
