package cn.mubiao.devstack.demo;

import cn.mubiao.devstack.KeycloakTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the demo target system through the public API, as the city target office (市目标办) would:
 * Zhengzhou's 2007 targets from seed 000, the new urban fixed-asset investment target (200亿元) split to the
 * city's fourteen county-level units, plus a few more targets for 中原区. Idempotent: PUT by stable ids, so a
 * second {@code up} changes nothing.
 *
 * <p>Usage: {@code DemoData <gateway-url> <keycloak-url>}</p>
 */
public final class DemoData {

    /** County-level units of Zhengzhou (GB/T 2260) with their share of the 200亿元 investment target. */
    static final Map<String, String[]> INVESTMENT_SPLIT = new LinkedHashMap<>();

    static {
        INVESTMENT_SPLIT.put("410102", new String[]{"中原区", "12"});
        INVESTMENT_SPLIT.put("410103", new String[]{"二七区", "13"});
        INVESTMENT_SPLIT.put("410104", new String[]{"管城回族区", "12"});
        INVESTMENT_SPLIT.put("410105", new String[]{"金水区", "20"});
        INVESTMENT_SPLIT.put("410106", new String[]{"上街区", "5"});
        INVESTMENT_SPLIT.put("410108", new String[]{"惠济区", "8"});
        INVESTMENT_SPLIT.put("410122", new String[]{"中牟县", "14"});
        INVESTMENT_SPLIT.put("410181", new String[]{"巩义市", "22"});
        INVESTMENT_SPLIT.put("410182", new String[]{"荥阳市", "17"});
        INVESTMENT_SPLIT.put("410183", new String[]{"新密市", "17"});
        INVESTMENT_SPLIT.put("410184", new String[]{"新郑市", "20"});
        INVESTMENT_SPLIT.put("410185", new String[]{"登封市", "15"});
        INVESTMENT_SPLIT.put("410171", new String[]{"郑州高新技术产业开发区", "14"});
        INVESTMENT_SPLIT.put("410172", new String[]{"郑州经济技术开发区", "13"});
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String keycloak;

    DemoData(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        String keycloak = args.length > 1 ? args[1] : "http://localhost:8180";
        int n = new DemoData(gateway, keycloak).load();
        System.out.println("demo data: " + n + " assignments in place (2007年郑州市人民政府目标)");
    }

    /** @return how many assignments were put */
    public int load() throws IOException, InterruptedException {
        String token = token(keycloak, "city-office", "demo123");
        int n = 0;
        for (var e : INVESTMENT_SPLIT.entrySet()) {
            put(token, "2007-A03@" + e.getKey(), assignment("A03", "新增城镇固定资产投资", "跨越式发展目标", e.getKey(),
                    e.getValue()[0], "410100-TJJ", "CUMULATIVE", "亿元", e.getValue()[1], "10", "市发改委"));
            n++;
        }
        put(token, "2007-A01@410102", assignment("A01", "生产总值增长", "跨越式发展目标", "410102", "中原区",
                "410100-TJJ", "LEVEL", "%", "15", "15", "市发改委"));
        put(token, "2007-B02@410102", assignment("B02", "化学需氧量排放总量削减", "节能降耗和污染物减排", "410102", "中原区",
                "410100-HBJ", "LEVEL", "%", "4", "10", "市环保局"));
        put(token, "2007-A06@410100-FGW", assignment("A06", "新增城镇固定资产投资（市直统筹）", "跨越式发展目标",
                "410100-FGW", "市发展和改革委员会", "410100-TJJ", "CUMULATIVE", "亿元", "200", "20", "市发改委"));
        return n + 3;
    }

    private static String assignment(String code, String title, String category, String unit, String unitName,
                                     String monitor, String kind, String measure, String value, String score,
                                     String leader) {
        return """
                {"planId":"2007-410100","year":2007,"targetCode":"%s","targetTitle":"%s","category":"%s",
                 "unitCode":"%s","unitName":"%s","monitorUnitCode":"%s","indicatorKind":"%s","unitOfMeasure":"%s",
                 "targetValue":%s,"standardScore":%s,"frequency":"MONTHLY","leaders":["%s"]}"""
                .formatted(code, title, category, unit, unitName, monitor, kind, measure, value, score, leader);
    }

    private void put(String token, String id, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/targets/assignments/" + id))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() / 100 != 2) {
            throw new IOException("PUT " + id + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** A password-grant token from the {@code mubiao-cli} client. */
    public static String token(String keycloak, String username, String password) throws IOException, InterruptedException {
        return KeycloakTokens.password(keycloak, "mubiao", "mubiao-cli", username, password);
    }
}
