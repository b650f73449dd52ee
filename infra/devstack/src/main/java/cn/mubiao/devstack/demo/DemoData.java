package cn.mubiao.devstack.demo;

import cn.mubiao.devstack.KeycloakTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Loads the demo data through the public API, as the city target office (市目标办) would: the unit tree
 * ({@code units.json}: Zhengzhou from seed 000, Zhongshan district from seed 003), then Zhengzhou's 2007 plan
 * ({@link DemoPlan}) drafted, split to the county-level units and issued. Idempotent: PUT by stable ids and
 * the plan issued only while it is a draft, so a second {@code up} changes nothing.
 *
 * <p>Usage: {@code DemoData <gateway-url> <keycloak-url>}</p>
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String keycloak;

    public DemoData(String gateway, String keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        String keycloak = args.length > 1 ? args[1] : "http://localhost:8180";
        Loaded n = new DemoData(gateway, keycloak).load();
        System.out.println("demo data: " + n.units() + " units, plan " + DemoPlan.PLAN_ID + " (2007年郑州市人民政府目标) "
                + (n.issuedNow() ? "with " + n.targets() + " targets, issued" : "already issued, kept as it is")
                + ", " + n.reports() + " progress reports");
    }

    /** What the loader put in place. */
    public record Loaded(int units, int targets, boolean issuedNow, int reports) {
    }

    public Loaded load() throws IOException, InterruptedException {
        String token = token(keycloak, "city-office", "demo123");
        // Zhongshan district (seed 003) lies in 六盘水市, 贵州: its city's target office registers it
        String liupanshui = token(keycloak, "lps-office", "demo123");
        int units = 0;
        try (InputStream in = DemoData.class.getResourceAsStream("units.json")) {
            for (JsonNode u : JSON.readTree(in)) {
                String code = u.get("code").asText();
                HttpResponse<String> r = call("PUT", code.startsWith("52") ? liupanshui : token, "/api/targets/units/" + code,
                        JSON.writeValueAsString(u));
                // a unit changed since (a version later than the demo's date) is kept as it is: the demo never
                // rewrites a unit's history
                boolean changedSince = r.statusCode() == 400 && r.body().contains("\"field\":\"validFrom\"");
                if (r.statusCode() / 100 != 2 && !changedSince) {
                    throw new IOException("PUT /api/targets/units/" + code + " answered " + r.statusCode() + ": " + r.body());
                }
                units++;
            }
        }
        Map<String, String> targets = DemoPlan.targets();
        HttpResponse<String> existing = call("GET", token, "/api/targets/plans/" + DemoPlan.PLAN_ID, null);
        boolean draft = existing.statusCode() == 404
                || existing.statusCode() == 200 && JSON.readTree(existing.body()).get("status").asText().equals("DRAFT");
        // an issued plan changes only by adjustment: a later run leaves it as it is
        if (draft) {
            send("PUT", token, "/api/targets/plans/" + DemoPlan.PLAN_ID, DemoPlan.plan());
            for (var t : targets.entrySet()) {
                send("PUT", token, "/api/targets/plans/" + DemoPlan.PLAN_ID + "/targets/" + t.getKey(), t.getValue());
            }
            send("POST", token, "/api/targets/plans/" + DemoPlan.PLAN_ID + "/issue", null);
        }
        int reports = DemoProgress.load(new Calls(), keycloak);
        return new Loaded(units, targets.size(), draft, reports);
    }

    /** Calls through the gateway for the parts of the demo that need more than a bare body. */
    final class Calls {

        String send(String method, String token, String path, String body, Map<String, String> headers)
                throws IOException, InterruptedException {
            HttpResponse<String> r = call(method, token, path, body, headers);
            if (r.statusCode() / 100 != 2) {
                throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        /** Waits (up to a minute) until a GET answers 200. */
        void until(String token, String path) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            HttpResponse<String> r;
            while ((r = call("GET", token, path, null, Map.of())).statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            if (r.statusCode() != 200) {
                throw new IOException("GET " + path + " still answers " + r.statusCode() + ": " + r.body());
            }
        }
    }

    private String send(String method, String token, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = call(method, token, path, body);
        if (r.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    private HttpResponse<String> call(String method, String token, String path, String body)
            throws IOException, InterruptedException {
        return call(method, token, path, body, Map.of());
    }

    private HttpResponse<String> call(String method, String token, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A password-grant token from the {@code mubiao-cli} client. */
    public static String token(String keycloak, String username, String password) throws IOException, InterruptedException {
        return KeycloakTokens.password(keycloak, "mubiao", "mubiao-cli", username, password);
    }
}
