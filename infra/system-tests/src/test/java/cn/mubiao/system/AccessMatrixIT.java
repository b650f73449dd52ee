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
    private static final Map<String, byte[]> binaryBodies = new LinkedHashMap<>();
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
        // R's value again as a DHIS2 data value set (dataElement@orgUnit = A), sent as a dry run by its row
        bodies.put("dataValuesA", """
                {"dataValues":[{"dataElement":"%s","period":"200707","orgUnit":"410102","value":"5"}]}"""
                .formatted(a.substring(0, a.lastIndexOf('@'))));
        HttpResponse<String> report = api.send("POST", "/api/progress/reports", tokens.get("countyA"), bodies.get("reportR"),
                Map.of("Idempotency-Key", idempotencyKey));
        assertThat(report.statusCode()).as(report.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(report.body());
        assertThat(id.find()).isTrue();
        fixtures.put("A", a);
        fixtures.put("D", d);
        fixtures.put("Y", "2007");
        fixtures.put("R", id.group(1));
        bodies.put("correctionR", "{\"cumulativeActual\":5,\"reason\":\"矩阵：补充说明\"}");
        bodies.put("draftR", "{\"cumulativeActual\":5,\"reason\":\"矩阵：草稿\"}");
        bodies.put("valueR", "{\"value\":5,\"note\":\"矩阵：统计数据\"}");
        bodies.put("acceptR", "{\"decision\":\"ACCEPT\"}");
        // scoring entries and workflow: bodies refused for what they say whatever the role, so nothing is written
        fixtures.put("CL", "C0"); // no such claim
        bodies.put("claimNoEvidence", "{\"ruleCode\":\"AWARD_CENTRAL\",\"points\":1,\"subject\":\"矩阵\",\"evidence\":[],\"reviewer\":\"矩阵\"}");
        bodies.put("vetoNoEvidence", "{\"kind\":\"SAFETY_ACCIDENT\",\"evidence\":[],\"reviewer\":\"矩阵\"}");
        bodies.put("comprehensiveSix", "{\"value\":6}");
        bodies.put("ratingSix", "{\"score\":6}");
        bodies.put("qualityOnQuantitative", "{\"quality\":\"GOOD\"}");
        bodies.put("quarterBase", "{\"base\":90}");
        fixtures.put("QN", "5"); // no fifth quarter: the office's PUT is a 400, nothing written
        bodies.put("coUnitOfItself", "{\"leadAssignmentId\":\"" + fixtures.get("A") + "\",\"reason\":\"矩阵\"}");
        fixtures.put("AP", "1"); // U's result is not published: no appeal exists
        bodies.put("ruleSetBadFactor", "{\"fraudFactor\":1}");
        bodies.put("appealU", "{\"reason\":\"矩阵\"}");
        bodies.put("decisionUnknown", "{\"decision\":\"MAYBE\"}");
        bodies.put("whatIfAsInForce", "{}");
        HttpResponse<String> evidence = api.sendBytes("POST", "/api/progress/reports/" + fixtures.get("R") + "/evidence",
                tokens.get("countyA"), Api.multipartFile("file", "matrix-fixture.pdf", "application/pdf",
                        ("%PDF-1.4\n% fixture " + run).getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                "multipart/form-data; boundary=" + Api.MULTIPART_BOUNDARY, HttpResponse.BodyHandlers.ofString());
        assertThat(evidence.statusCode()).as(evidence.body()).isEqualTo(201);
        Matcher fileId = Pattern.compile("\"fileId\":\"([^\"]+)\"").matcher(evidence.body());
        assertThat(fileId.find()).isTrue();
        fixtures.put("F", fileId.group(1));
        binaryBodies.put("evidenceR", Api.multipartFile("file", "matrix-row.pdf", "application/pdf",
                ("%PDF-1.4\n% row " + run).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        units(run);
        plan();
        // the red status and its warnings exist before the matrix reads them
        api.until(r -> r.body().contains("SERIOUSLY_LAGGING"), Duration.ofSeconds(60),
                () -> api.get("/api/scoring/status?assignmentId=" + a, tokens.get("countyA")));
        api.until(r -> r.body().contains(a), Duration.ofSeconds(60),
                () -> api.get("/api/notifications/deliveries", tokens.get("countyA")));
        // V = one of A's deliveries (sent: a permitted resend is a 409, a success is never sent twice)
        Matcher v = Pattern.compile("\\{\"id\":\"([0-9a-f]+)\"")
                .matcher(api.get("/api/notifications/deliveries?assignmentId=" + a, tokens.get("countyA")).body());
        if (!v.find()) {
            throw new IllegalStateException("no delivery of " + a);
        }
        fixtures.put("V", v.group(1));
        bodies.put("preferencesOwn", "{}");
    }

    /**
     * P = an issued plan of 410100 for 2027 (so its adjustment deadline lies ahead) with target M01 (lead 410100-FGW,
     * share Q for 410102, monitor 410100-TJJ) and M02 (share W for 410102, withdrawn by its row).
     */
    private static void plan() throws Exception {
        String city = tokens.get("city");
        for (String[] u : new String[][]{{"410100-TJJ", "市统计局"}, {"410100-CZJ", "市财政局"}, {"410100-JWJ", "市纪委"}}) {
            ensureUnit(u[0], "{\"name\":\"%s\",\"parentCode\":\"410100\",\"departmentKind\":\"GOVERNMENT\",\"validFrom\":\"2000-01-01\"}"
                    .formatted(u[1]));
        }
        String planId = "410100-2027";
        bodies.put("planP", """
                {"issuerUnitCode":"410100","year":2027,"title":"2027年郑州市人民政府目标（矩阵）",
                 "categories":[{"code":"LEAP","name":"跨越式发展目标"}]}""");
        bodies.put("targetM01", target("新增城镇固定资产投资（矩阵）", "100"));
        bodies.put("adjustmentQ", "{\"value\":110,\"reason\":\"矩阵：调增\"}");
        bodies.put("orderQ", "{\"value\":120,\"reason\":\"矩阵：上级下令调整\"}");
        bodies.put("withdrawW", "{\"note\":\"矩阵：撤销\"}");
        expect(api.send("PUT", "/api/targets/plans/" + planId, city, bodies.get("planP"), Map.of()), 201);
        expect(api.send("PUT", "/api/targets/plans/" + planId + "/targets/M01", city, bodies.get("targetM01"), Map.of()), 201);
        expect(api.send("PUT", "/api/targets/plans/" + planId + "/targets/M02", city, target("第三产业增加值（矩阵）", "10"),
                Map.of()), 201);
        expect(api.send("POST", "/api/targets/plans/" + planId + "/issue", city, null, Map.of()), 200);
        fixtures.put("P", planId);
        fixtures.put("Q", planId + "-M01@410102");
        fixtures.put("L", planId + "-M01@410100-FGW");
        api.until(r -> r.body().contains(fixtures.get("Q")), Duration.ofSeconds(60),
                () -> api.get("/api/progress/rollup?assignmentId=" + fixtures.get("L") + "&period=202701", city));
        fixtures.put("W", planId + "-M02@410102");
        fixtures.put("M", "M01");
        fixtures.put("U", "410102");
        fixtures.put("K", "1");
        HttpResponse<byte[]> sheet = api.sendBytes("GET", "/api/targets/plans/" + planId + "/targets/export", city, null, null,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(sheet.statusCode()).isEqualTo(200);
        binaryBodies.put("sheetP", sheet.body());
        bodies.put("catalogueP", """
                {"indicators":[{"code":"HN-JJ-03","area":"经济发展","title":"城镇固定资产投资","indicatorKind":"CUMULATIVE",
                                "unitOfMeasure":"亿元","targetValue":220,"assessesCity":true},
                               {"code":"HN-MS-01","area":"民生建设","title":"新增城镇就业","indicatorKind":"CUMULATIVE",
                                "unitOfMeasure":"万人","targetValue":3.8,"assessesCity":true}]}""");
        binaryBodies.put("catalogueSheetP", catalogueSheet());
    }

    /** A two-indicator province catalogue as the province sends it in Excel. */
    private static byte[] catalogueSheet() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        var wb = new org.dhatim.fastexcel.Workbook(out, "matrix", "1.0");
        var ws = wb.newWorksheet("省考核指标");
        String[][] rows = {{"指标代码", "领域", "指标名称", "指标类型", "计量单位", "目标值", "考核我市"},
                {"HN-JJ-03", "经济发展", "城镇固定资产投资", "累计型", "亿元", "220", "是"},
                {"HN-MS-01", "民生建设", "新增城镇就业", "累计型", "万人", "3.8", "是"}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                ws.value(r, c, rows[r][c]);
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    private static String target(String title, String value) {
        return """
                {"title":"%s","category":"LEAP","indicatorKind":"CUMULATIVE","unitOfMeasure":"亿元","targetValue":%s,
                 "leadUnits":["410100-FGW"],"monitorUnitCode":"410100-TJJ","standardScore":50,"frequency":"MONTHLY",
                 "allocations":[{"unitCode":"410102","value":%s,"standardScore":50}]}""".formatted(title, value, value);
    }

    private static void expect(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(status);
    }

    /**
     * The unit fixtures: the part of the tree the matrix identities sit in (kept when it is there already), a
     * township T and a township C of 410102 with fresh codes, and a unit X attached to 410100-FGW; their names
     * carry the mark N of this run.
     */
    private static void units(String run) throws Exception {
        ensureUnit("410000", region("河南省", null, "PROVINCE"));
        ensureUnit("410100", region("郑州市", "410000", "CITY"));
        ensureUnit("410102", region("中原区", "410100", "DISTRICT"));
        ensureUnit("410105", region("金水区", "410100", "DISTRICT"));
        ensureUnit("410100-FGW", """
                {"name":"郑州市发展和改革委员会","parentCode":"410100","departmentKind":"GOVERNMENT",
                 "assessmentCategory":"DEPARTMENTS","validFrom":"2000-01-01","contacts":[]}""");
        String mark = "MX" + run.toUpperCase();
        String t = freshTownship("410102");
        bodies.put("unitT", """
                {"name":"矩阵街道%s","parentCode":"410102","kind":"STREET","assessmentCategory":"STREETS",
                 "validFrom":"2007-01-01","contacts":[{"name":"王敏","post":"主任","phone":"13800000091"}]}""".formatted(mark));
        put("/api/targets/units/" + t, bodies.get("unitT"));
        String c = freshTownship("410102");
        put("/api/targets/units/" + c, """
                {"name":"矩阵撤销镇%s","parentCode":"410102","kind":"TOWN","assessmentCategory":"TOWNS",
                 "validFrom":"2007-01-01","contacts":[]}""".formatted(mark));
        String x = "410100-" + mark;
        put("/api/targets/units/" + x, """
                {"name":"矩阵挂靠单位%s","parentCode":"410100","departmentKind":"GOVERNMENT","attachedTo":"410100-FGW",
                 "validFrom":"2007-01-01","contacts":[]}""".formatted(mark));
        bodies.put("moveT", """
                {"parentCode":"410102","reason":"访问矩阵：留在原上级单位"}""");
        bodies.put("closeC", """
                {"date":"2007-12-31","reason":"访问矩阵：撤销"}""");
        fixtures.put("T", t);
        fixtures.put("C", c);
        fixtures.put("X", x);
        fixtures.put("N", mark);
    }

    private static String region(String name, String parent, String kind) {
        return """
                {"name":"%s","parentCode":%s,"kind":"%s","validFrom":"2000-01-01","contacts":[]}"""
                .formatted(name, parent == null ? "null" : "\"" + parent + "\"", kind);
    }

    private static void ensureUnit(String code, String body) throws Exception {
        if (api.get("/api/targets/units/" + code, tokens.get("city")).statusCode() == 404) {
            put("/api/targets/units/" + code, body);
        }
    }

    /** A township code of {@code county} not used yet: division codes are unique, so one per run. */
    private static String freshTownship(String county) throws Exception {
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 50; i++) {
            String code = county + "%03d".formatted(100 + random.nextInt(900));
            if (api.get("/api/targets/units/" + code, tokens.get("city")).statusCode() == 404) {
                return code;
            }
        }
        throw new IllegalStateException("no free township code under " + county);
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
        if (binaryBodies.containsKey(row.body())) {
            return api.sendBytes(row.method(), path(row.path()), token, binaryBodies.get(row.body()),
                    row.body().startsWith("evidence") ? "multipart/form-data; boundary=" + Api.MULTIPART_BOUNDARY
                            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        }
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
