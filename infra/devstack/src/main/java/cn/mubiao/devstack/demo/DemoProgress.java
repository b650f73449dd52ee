package cn.mubiao.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first half of 2007's progress on 新增城镇固定资产投资 (A03): 中原区 reports January to June and 市统计局 (its
 * monitor, a statistics bureau) accepts four months and records its own May figure; 金水区 reports January to
 * March and March is returned for evidence; 市发改委, the lead, reports the city's own figures for the first
 * quarter, so the roll-up shows both. July is left for the README's hand-run flow. Every step is a replay or
 * skipped when a later run finds it done.
 */
final class DemoProgress {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String A03 = DemoPlan.PLAN_ID + "-A03";

    /** What a unit reports: period → cumulative actual. */
    private static final Map<String, Map<String, String>> REPORTS = new LinkedHashMap<>();

    static {
        REPORTS.put("410102", ordered("200701", "1.0", "200702", "2.0", "200703", "3.0", "200704", "4.1", "200705", "5.0",
                "200706", "6.1"));
        REPORTS.put("410105", ordered("200701", "1.7", "200702", "3.4", "200703", "5.0"));
        REPORTS.put("410100-FGW", ordered("200701", "17", "200702", "34", "200703", "51"));
    }

    private static final Map<String, String> USERS = Map.of("410102", "zy-reporter", "410105", "jsq-reporter",
            "410100-FGW", "fgw-reporter");

    private DemoProgress() {
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** @return how many reports the demo holds */
    static int load(DemoData.Calls api, String keycloak) throws IOException, InterruptedException {
        String monitor = DemoData.token(keycloak, "tjj-monitor", "demo123");
        int reports = 0;
        for (var unit : REPORTS.entrySet()) {
            String token = DemoData.token(keycloak, USERS.get(unit.getKey()), "demo123");
            String assignment = A03 + "@" + unit.getKey();
            // the plan's events reach progress-service on their own time
            api.until(token, "/api/progress/calendar?assignmentId=" + enc(assignment));
            for (var r : unit.getValue().entrySet()) {
                api.send("POST", token, "/api/progress/reports", """
                        {"assignmentId":"%s","period":"%s","cumulativeActual":%s,
                         "narrative":{"progress":"重点项目按计划推进，%s月累计完成%s亿元","problems":"部分项目征地拆迁进度偏慢",
                                      "measures":"市区两级联合督办，加快手续办理"}}"""
                        .formatted(assignment, r.getKey(), r.getValue(), Integer.parseInt(r.getKey().substring(4)), r.getValue()),
                        Map.of("Idempotency-Key", "demo-" + assignment + "-" + r.getKey()));
                reports++;
            }
        }
        String zy = A03 + "@410102";
        for (String period : new String[]{"200701", "200702", "200703", "200704"}) {
            if (status(api, monitor, zy, period).equals("SUBMITTED")) {
                api.send("POST", monitor, "/api/progress/reports/" + enc(zy + ":" + period) + "/verification",
                        "{\"decision\":\"ACCEPT\"}", Map.of());
            }
        }
        JsonNode may = JSON.readTree(api.send("GET", monitor, "/api/progress/reports/" + enc(zy + ":200705"), null, Map.of()));
        if (may.get("values").isEmpty()) {
            api.send("POST", monitor, "/api/progress/reports/" + enc(zy + ":200705") + "/values",
                    "{\"value\":5.02,\"note\":\"统计局固定资产投资统计月报\"}", Map.of());
        }
        String js = A03 + "@410105";
        if (status(api, monitor, js, "200703").equals("SUBMITTED")) {
            api.send("POST", monitor, "/api/progress/reports/" + enc(js + ":200703") + "/verification",
                    "{\"decision\":\"RETURN\",\"reason\":\"缺少项目台账佐证材料，请补充后更正\"}", Map.of());
        }
        return reports;
    }

    private static String status(DemoData.Calls api, String token, String assignment, String period)
            throws IOException, InterruptedException {
        String body = api.send("GET", token, "/api/progress/reports/" + enc(assignment + ":" + period), null, Map.of());
        return JSON.readTree(body).get("status").asText();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
