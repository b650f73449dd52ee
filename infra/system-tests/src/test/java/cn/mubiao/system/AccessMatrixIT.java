package cn.mubiao.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every row of {@code access-matrix.csv} through the gateway with a real token of every role and level,
 * and every row again with missing, expired, foreign, unsigned and forged tokens, and asserts the table.
 * All mismatches are collected and reported together.
 */
class AccessMatrixIT {

    static final List<String> IDENTITIES = List.of("city", "countyA", "countyB", "deptLead", "bystander", "monitor",
            "leader", "province", "auditor");

    private static Platform platform;
    private static Api api;
    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Map<String, String> fixtures = new LinkedHashMap<>();
    private static final Map<String, String> bodies = new LinkedHashMap<>();
    private static String expiring;
    private static Instant expiringIssuedAt;
    private static String idempotencyKey;

    @BeforeAll
    static void fixturesAndTokens() throws Exception {
        platform = Platform.embedded();
        api = new Api(platform);
        String kc = platform.stack.keycloakUrl();
        expiring = Tokens.password(kc, "mubiao", "mubiao-cli-short", "city-office", "demo123");
        expiringIssuedAt = Instant.now();
        for (var e : Map.of("city", "city-office", "countyA", "zy-reporter", "countyB", "jsq-reporter",
                "deptLead", "fgw-reporter", "bystander", "czj-reporter", "monitor", "tjj-monitor",
                "leader", "zy-leader", "auditor", "auditor").entrySet()) {
            tokens.put(e.getKey(), api.token(e.getValue()));
        }
        tokens.put("province", Tokens.clientCredentials(kc, "province", "province-secret"));

        String run = UUID.randomUUID().toString().substring(0, 8);
        String a = "MX-" + run + "@410102";
        String d = "MX-" + run + "@410100-FGW";
        bodies.put("assignmentA", Api.assignment("矩阵" + run, "410102", "中原区", "12")
                .replace("\"monitorUnitCode\"", "\"coUnitCodes\":[\"410100-JWJ\"],\"monitorUnitCode\""));
        put("/api/targets/assignments/" + a, bodies.get("assignmentA"));
        put("/api/targets/assignments/" + d, Api.assignment("矩阵" + run, "410100-FGW", "市发改委", "200"));
        HttpResponse<String> known = api.until(r -> r.statusCode() == 200, Duration.ofSeconds(60),
                () -> api.get("/api/progress/reports?assignmentId=" + a, tokens.get("countyA")));
        assertThat(known.statusCode()).isEqualTo(200);
        idempotencyKey = "matrix-" + run;
        bodies.put("reportR", Api.report(a, "200707", "5"));
        HttpResponse<String> report = api.send("POST", "/api/progress/reports", tokens.get("countyA"), bodies.get("reportR"),
                Map.of("Idempotency-Key", idempotencyKey));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(report.body());
        assertThat(id.find()).isTrue();
        fixtures.put("A", a);
        fixtures.put("D", d);
        fixtures.put("R", id.group(1));
        // the red status and its warnings exist before the matrix reads them
        api.until(r -> r.body().contains("SERIOUSLY_LAGGING"), Duration.ofSeconds(60),
                () -> api.get("/api/scoring/status?assignmentId=" + a, tokens.get("countyA")));
        api.until(r -> r.body().contains(a), Duration.ofSeconds(60),
                () -> api.get("/api/notifications/deliveries", tokens.get("countyA")));
    }

    private static void put(String path, String body) throws Exception {
        HttpResponse<String> r = api.send("PUT", path, tokens.get("city"), body, Map.of());
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(201);
    }

    record Row(String method, String path, String body, Map<String, String> expected) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Platform.root().resolve("infra/system-tests/src/test/resources/access-matrix.csv"),
                StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(";");
            assertThat(f).as("columns of: " + line).hasSize(3 + IDENTITIES.size());
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < IDENTITIES.size(); i++) {
                expected.put(IDENTITIES.get(i), f[3 + i]);
            }
            rows.add(new Row(f[0], f[1], f[2], expected));
        }
        return rows;
    }

    private static String path(String template) {
        String p = template;
        for (var e : fixtures.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        return p;
    }

    private static HttpResponse<String> call(Row row, String token) throws Exception {
        String body = row.body().equals("-") ? null : bodies.get(row.body());
        Map<String, String> headers = row.body().equals("reportR") ? Map.of("Idempotency-Key", idempotencyKey) : Map.of();
        return api.send(row.method(), path(row.path()), token, body, headers);
    }

    @Test
    void everyEndpointAnswersEveryRoleAndLevelAsTheMatrixSays() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows()) {
            for (String who : IDENTITIES) {
                String expected = row.expected().get(who);
                HttpResponse<String> r = call(row, tokens.get(who));
                String problem = check(expected, r);
                if (problem != null) {
                    mismatches.add(row.method() + " " + row.path() + " as " + who + ": expected " + expected + ", " + problem);
                }
            }
        }
        assertThat(mismatches).as("access matrix mismatches").isEmpty();
    }

    @Test
    void missingForeignUnsignedAndForgedTokensAre401Everywhere() throws Exception {
        String issuer = platform.stack.keycloakUrl() + "/realms/mubiao";
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("no token", null);
        bad.put("wrong issuer (master realm)", Tokens.password(platform.stack.keycloakUrl(), "master", "admin-cli", "admin", "admin"));
        bad.put("alg=none", Tokens.algNone(issuer));
        bad.put("unknown kid", Tokens.unknownKid(issuer));
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows()) {
            for (var b : bad.entrySet()) {
                HttpResponse<String> r = call(row, b.getValue());
                if (r.statusCode() != 401) {
                    mismatches.add(row.method() + " " + row.path() + " with " + b.getKey() + ": " + r.statusCode());
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void anExpiredTokenIs401Everywhere() throws Exception {
        // the one-second token is past its expiry plus the 60 s clock skew the validators allow
        Duration wait = Duration.between(Instant.now(), expiringIssuedAt.plusSeconds(63));
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows()) {
            HttpResponse<String> r = call(row, expiring);
            if (r.statusCode() != 401) {
                mismatches.add(row.method() + " " + row.path() + ": " + r.statusCode());
            }
        }
        assertThat(mismatches).isEmpty();
    }

    /** @return null when the answer matches, else what was wrong */
    static String check(String expected, HttpResponse<String> r) {
        Matcher m = Pattern.compile("(\\d{3})((?:[+-][A-Z])*)").matcher(expected);
        if (!m.matches()) {
            return "unreadable expectation";
        }
        int status = Integer.parseInt(m.group(1));
        if (r.statusCode() != status) {
            return "got " + r.statusCode() + " " + abbreviate(r.body());
        }
        Matcher marks = Pattern.compile("([+-])([A-Z])").matcher(m.group(2));
        while (marks.find()) {
            String id = fixtures.get(marks.group(2));
            boolean mentioned = r.body().contains(id);
            if (marks.group(1).equals("+") != mentioned) {
                return (mentioned ? "but the answer mentions " : "but the answer lacks ") + marks.group(2);
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
