package cn.mubiao.target;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The units the API tests of plans work with, registered through the unit API by the city target office. */
public final class TestUnits {

    private TestUnits() {
    }

    /** 河南省, 郑州市, three districts, a street of 中原区 and three city departments; a second call changes nothing. */
    public static void register(MockMvc mvc) throws Exception {
        unit(mvc, "410000", null, "河南省", "\"kind\":\"PROVINCE\"");
        unit(mvc, "410100", "410000", "郑州市", "\"kind\":\"CITY\"");
        for (String[] u : new String[][]{{"410102", "中原区"}, {"410103", "二七区"}, {"410105", "金水区"}}) {
            unit(mvc, u[0], "410100", u[1], "\"kind\":\"DISTRICT\"");
        }
        unit(mvc, "410102001", "410102", "林山寨街道", "\"kind\":\"STREET\",\"assessmentCategory\":\"STREETS\"");
        for (String[] u : new String[][]{{"410100-FGW", "市发改委"}, {"410100-TJJ", "市统计局"}, {"410100-JSW", "市建委"}}) {
            unit(mvc, u[0], "410100", u[1], "\"departmentKind\":\"GOVERNMENT\",\"assessmentCategory\":\"DEPARTMENTS\"");
        }
    }

    private static void unit(MockMvc mvc, String code, String parent, String name, String extra) throws Exception {
        String body = "{\"name\":\"" + name + "\",\"parentCode\":" + (parent == null ? "null" : "\"" + parent + "\"") + "," + extra + "}";
        var r = mvc.perform(put("/api/targets/units/" + code).with(user("410100", "city", "target-office"))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(r.getStatus()).as("unit " + code + " " + r.getContentAsString()).isIn(200, 201);
    }
}
