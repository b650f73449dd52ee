package cn.mubiao.target.unit;

import cn.mubiao.kit.testing.InMemoryMongo;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The demo unit tree (infra/devstack/.../demo/units.json) loads through the real API: every entry is a PUT body
 * the rules accept, parents come before children, and loading it twice changes nothing. Each city's part is
 * put by that city's target office, as the demo loader would.
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class DemoUnitsTest {

    static final String FILE = "infra/devstack/src/main/resources/cn/mubiao/devstack/demo/units.json";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("demo-units-test"));
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoDatabase db;

    @Test
    void everyDemoUnitIsRegisteredThroughTheApiAndASecondLoadChangesNothing() throws Exception {
        db.getCollection("units").drop();
        List<JsonNode> entries = entries();

        List<String> refused = new ArrayList<>();
        for (JsonNode e : entries) {
            MvcResult r = load(e);
            if (r.getResponse().getStatus() != 201) {
                refused.add(e.get("code").asString() + " → " + r.getResponse().getStatus() + " " + r.getResponse().getContentAsString());
            }
        }
        assertThat(refused).as("entries not registered").isEmpty();

        for (JsonNode e : entries) {
            assertThat(load(e).getResponse().getStatus()).as(e.get("code").asString()).isEqualTo(200);
        }
        assertThat(db.getCollection("units").countDocuments(Filters.gt("version", 1))).isZero();
    }

    @Test
    void theDemoTreeHasZhengzhousCountyLevelUnitsAndZhongshansDepartmentsTownsAndStreets() throws Exception {
        List<JsonNode> entries = entries();

        assertThat(entries).filteredOn(e -> "410100".equals(text(e, "parentCode")) && text(e, "kind") != null)
                .hasSize(14)
                .filteredOn(e -> "DEVELOPMENT_ZONE".equals(text(e, "kind"))).extracting(e -> text(e, "code"))
                .containsExactlyInAnyOrder("410171", "410172");
        assertThat(entries).extracting(e -> text(e, "code"))
                .contains("410100-FGW", "410100-JW", "410100-CZJ", "410100-SWJ", "410100-TJJ", "410100-HBJ", "410100-JSW",
                        "410100-JTJ", "410100-JYJ", "410100-WSJ", "410100-LDJ", "410100-MZJ", "410100-JWJ");
        assertThat(entries).filteredOn(e -> "TOWNS".equals(text(e, "assessmentCategory"))).hasSize(5);
        assertThat(entries).filteredOn(e -> "STREETS".equals(text(e, "assessmentCategory"))).hasSize(4);
        assertThat(entries).filteredOn(e -> text(e, "code").startsWith("520201-") && text(e, "attachedTo") != null)
                .allSatisfy(e -> assertThat(text(e, "assessmentCategory")).isNull())
                .extracting(e -> text(e, "code")).contains("520201-XFJ", "520201-DCS", "520201-YXJCDD");
        assertThat(entries).filteredOn(e -> text(e, "departmentKind") != null && text(e, "attachedTo") == null
                        && text(e, "code").startsWith("520201-"))
                .extracting(e -> text(e, "departmentKind")).contains("PARTY", "MASS_ORGANISATION", "GOVERNMENT",
                        "NPC_CPPCC", "COURT", "PROCURATORATE", "POLICE");
    }

    private MvcResult load(JsonNode e) throws Exception {
        String code = text(e, "code");
        String city = code.substring(0, 4) + "00";
        return mvc.perform(put("/api/targets/units/" + code).contentType(MediaType.APPLICATION_JSON)
                        .content(e.toString()).with(user(city, "city", "target-office")))
                .andReturn();
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static List<JsonNode> entries() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mubiao"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root (the folder with ./mubiao)").isNotNull();
        JsonNode all = JsonMapper.builder().build().readTree(Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8));
        List<JsonNode> out = new ArrayList<>();
        all.forEach(out::add);
        return out;
    }
}
