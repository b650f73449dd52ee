package cn.mubiao.system;

import org.hisp.dhis.api.model.v42_4.DataValue;
import org.hisp.dhis.api.model.v42_4.DataValueSet;
import org.hisp.dhis.api.model.v42_4.ImportConflict;
import org.hisp.dhis.api.model.v42_4.ImportCount;
import org.hisp.dhis.api.model.v42_4.ImportSummary;
import org.hisp.dhis.api.model.v42_4.SystemInfo;
import org.hisp.dhis.api.model.v42_4.WebMessage;
import org.hisp.dhis.integration.sdk.Dhis2ClientBuilder;
import org.hisp.dhis.integration.sdk.api.Dhis2Client;
import org.hisp.dhis.integration.sdk.api.Dhis2Response;
import org.hisp.dhis.integration.sdk.api.RemoteDhis2ClientException;
import org.hisp.dhis.integration.sdk.api.converter.Converter;
import org.hisp.dhis.integration.sdk.api.operation.ParameterizedOperation;
import org.hisp.dhis.integration.sdk.api.security.SecurityContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The official DHIS2 Java SDK ({@code org.hisp.dhis.integration.sdk:dhis2-java-sdk} 3.0.2), unmodified, against our
 * two DHIS2-style base URLs through the gateway: it pushes and reads values at {@code <gateway>/api/progress/dhis2}
 * as a county reporter, and reads the province feed at {@code <gateway>/api/scoring/dhis2} as the province's machine
 * client. Its only configuration is the SDK's own {@link SecurityContext} hook, which sends our bearer token.
 */
class Dhis2ClientIT {

    /** The SDK's resource models (one per DHIS2 version) that must read our import summary; the calls use v42_4. */
    static final List<String> MODEL_VERSIONS = List.of("v2_38_1", "v2_39_1", "v40_0", "v40_2_2", "v42_4");

    static Platform platform;
    static Api api;
    static String progressApi;
    static String scoringApi;

    @BeforeAll
    static void platform() throws Exception {
        platform = Platform.embedded();
        api = new Api(platform);
        units();
        progressApi = platform.gatewayUrl() + "/api/progress/dhis2/api";
        scoringApi = platform.gatewayUrl() + "/api/scoring/dhis2/api";
    }

    @Test
    void theSdkPushesADryRunAndRealValuesAsAReporterAndReadsOurImportSummaries() throws Exception {
        String reporterToken = api.token("zy-reporter");
        String element = assignedTo410102(reporterToken);
        Dhis2Client reporter = client(progressApi, reporterToken);
        Map<String, String> byCode = Map.of("idScheme", "code");

        // a dry run with a bad row: DHIS2's 409 WARNING, the counts that would result, one conflict, nothing written
        Answer dry = post(reporter, set(value(element, "200708", "410102", "6.5"), value(element, "200709", "410102", "六")),
                Map.of("idScheme", "code", "dryRun", "true"));
        assertThat(dry.status()).isEqualTo(409);
        assertThat(dry.message().getHttpStatus()).hasValue("Conflict");
        assertThat(dry.message().getHttpStatusCode()).isEqualTo(409);
        assertThat(counts(dry.summary())).containsExactly(1, 0, 1, 0);
        assertThat(dry.summary().getImportOptions().orElseThrow().getDryRun()).hasValue(true);
        List<ImportConflict> conflicts = dry.summary().getConflicts().orElseThrow();
        assertThat(conflicts).hasSize(1);
        assertThat(conflicts.getFirst().getProperty()).hasValue("value");
        assertThat(conflicts.getFirst().getObject()).hasValue("六");
        assertThat(conflicts.getFirst().getIndexes()).hasValue(List.of(1));
        assertThat(dry.summary().getRejectedIndexes()).hasValue(List.of(1));
        assertThat(read(reporter, "dataValueSets", Map.of("dataElement", element, "orgUnit", "410102"))
                .getDataValues().orElse(List.of())).as("a dry run writes nothing").isEmpty();

        // the first value of a period: imported, 200 OK
        Answer first = post(reporter, set(value(element, "200708", "410102", "6.5")), byCode);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.message().getHttpStatus()).hasValue("OK");
        assertThat(first.summary().getResponseType()).hasValue("ImportSummary");
        assertThat(counts(first.summary())).containsExactly(1, 0, 0, 0);
        assertThat(first.summary().getConflicts().orElse(List.of())).isEmpty();

        // a different value corrects it (updated); a row for an assignment that is not ours is ignored
        Answer second = post(reporter, set(value(element, "200708", "410102", "7.25"),
                value("410100-2007-A03", "200708", "410105", "9")), byCode);
        assertThat(second.status()).isEqualTo(409);
        assertThat(counts(second.summary())).containsExactly(0, 1, 1, 0);
        assertThat(second.summary().getConflicts().orElseThrow()).singleElement()
                .satisfies(c -> assertThat(c.getIndexes()).hasValue(List.of(1)));

        // read back with DHIS2's export parameters, JSON through the SDK's model
        Map<String, String> query = new LinkedHashMap<>();
        query.put("dataSet", "ANY");
        query.put("period", "200708");
        query.put("orgUnit", "410102");
        query.put("dataElement", element);
        query.put("idScheme", "code");
        List<DataValue> values = read(reporter, "dataValueSets", query).getDataValues().orElseThrow();
        assertThat(values).singleElement().satisfies(v -> {
            assertThat(v.getDataElement()).hasValue(element);
            assertThat(v.getPeriod()).hasValue("200708");
            assertThat(v.getOrgUnit()).hasValue("410102");
            assertThat(v.getValue()).hasValue("7.25");
            assertThat(v.getCategoryOptionCombo()).hasValue("default");
            assertThat(v.getAttributeOptionCombo()).hasValue("default");
            assertThat(v.getLastUpdated()).isPresent();
        });
        Map<String, String> byDates = Map.of("startDate", "2007-07-01", "endDate", "2007-12-31", "orgUnit", "410100",
                "children", "true", "dataElement", element);
        assertThat(read(reporter, "dataValueSets.json", byDates).getDataValues().orElseThrow())
                .extracting(v -> v.getValue().orElseThrow()).containsExactly("7.25");
        try (Dhis2Response csv = reporter.get("dataValueSets.csv").withParameter("dataElement", element).transfer()) {
            String text = new String(csv.read().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("dataelement,period,orgunit,catoptcombo,attroptcombo,value")
                    .contains(element + ",200708,410102,default,default,7.25");
        }

        // what DHIS2 clients probe first
        SystemInfo info = reporter.get("system/info").transfer().returnAs(SystemInfo.class);
        assertThat(info.getVersion()).hasValue("2.40.0");
        assertThat(info.getServerDate()).isPresent();
        // the gateway sends no X-Forwarded-Host yet (docs/dhis2-exchange.md), so the origin may be the service's own
        assertThat(info.getContextPath()).hasValueSatisfying(p -> assertThat(p).endsWith("/api/progress/dhis2"));
    }

    @Test
    void theSdkReadsTheProvinceFeedAsTheProvinceClientAndAReporterIsRefused() throws Exception {
        String element = issuedProvinceAlignedTarget();
        String reporterToken = api.token("zy-reporter");
        Answer pushed = post(client(progressApi, reporterToken),
                set(value(element, "200803", "410102", "2.5")), Map.of("idScheme", "code"));
        assertThat(pushed.status()).as(pushed.message().toString()).isEqualTo(200);

        String provinceToken = Tokens.clientCredentials(platform.stack.keycloakUrl(), "province", "province-secret");
        Dhis2Client province = client(scoringApi, provinceToken);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("dataSet", "PROVINCE-SET");
        query.put("period", "200803");
        query.put("orgUnit", "410000");
        query.put("children", "true");
        query.put("idScheme", "code");
        query.put("lastUpdated", "2000-01-01");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<DataValue> values = List.of();
        while (values.isEmpty() && System.nanoTime() < deadline) {
            values = read(province, "dataValueSets", query).getDataValues().orElse(List.of()).stream()
                    .filter(v -> v.getOrgUnit().orElse("").equals("410102")).toList();
            if (values.isEmpty()) {
                Thread.sleep(300);
            }
        }
        assertThat(values).as("the reported value reached the province feed").singleElement().satisfies(v -> {
            assertThat(v.getDataElement()).hasValue(PROVINCE_CODE);
            assertThat(v.getPeriod()).hasValue("200803");
            assertThat(v.getValue()).hasValue("2.5");
            assertThat(v.getCategoryOptionCombo()).hasValue("default");
            assertThat(v.getAttributeOptionCombo()).hasValue("default");
            assertThat(v.getFollowup()).hasValue(false);
            assertThat(v.getComment()).hasValueSatisfying(c -> assertThat(c)
                    .contains("\"targetValue\":\"10\"").contains("\"basis\":\"REPORTED\"")
                    .contains("\"assignmentId\":\"" + element + "@410102\""));
        });
        Map<String, String> byDates = Map.of("startDate", "2008-01-01", "endDate", "2008-03-31", "orgUnit", "410102",
                "dataElement", PROVINCE_CODE);
        assertThat(read(province, "dataValueSets.json", byDates).getDataValues().orElseThrow())
                .extracting(v -> v.getValue().orElseThrow()).containsExactly("2.5");

        SystemInfo info = province.get("system/info").transfer().returnAs(SystemInfo.class);
        // the gateway sends no X-Forwarded-Host yet (docs/dhis2-exchange.md), so the origin may be the service's own
        assertThat(info.getContextPath()).hasValueSatisfying(p -> assertThat(p).endsWith("/api/scoring/dhis2"));

        assertThatThrownBy(() -> read(client(scoringApi, reporterToken), "dataValueSets", Map.of("period", "200803")))
                .isInstanceOfSatisfying(RemoteDhis2ClientException.class, e -> assertThat(e.getHttpStatusCode()).isEqualTo(403));
        assertThatThrownBy(() -> read(client(progressApi, provinceToken), "dataValueSets", Map.of("period", "200803")))
                .as("the province client is confined to its feed")
                .isInstanceOfSatisfying(RemoteDhis2ClientException.class, e -> assertThat(e.getHttpStatusCode()).isEqualTo(403));
    }

    // ---- the SDK, as its users call it

    /** The SDK's supported way to authenticate other than basic or {@code ApiToken}: its own security context. */
    static Dhis2Client client(String apiUrl, String token) {
        SecurityContext bearer = request -> request.newBuilder().header("Authorization", "Bearer " + token).build();
        return Dhis2ClientBuilder.newClient(apiUrl, bearer).withReadTimeout(30, TimeUnit.SECONDS).build();
    }

    /** What an import answered: the HTTP status and DHIS2's web message with its import summary, as the SDK reads them. */
    record Answer(int status, WebMessage message, ImportSummary summary) {
    }

    /**
     * A POST of a data value set, handling both of DHIS2's answers as an SDK user must: 200 is returned, 409 (any
     * conflict) is thrown with the body. Also checks that the resource models of other DHIS2 versions read the summary.
     */
    static Answer post(Dhis2Client client, DataValueSet set, Map<String, String> parameters) {
        // the SDK's withParameters(Map) adds nothing (3.0.2); parameters go one by one
        ParameterizedOperation<Dhis2Response> post = client.post("dataValueSets").withResource(set);
        for (var p : parameters.entrySet()) {
            post = post.withParameter(p.getKey(), p.getValue());
        }
        Converter converter = client.getConverterFactory().createConverter();
        int status;
        WebMessage message;
        try (Dhis2Response response = post.transfer()) {
            status = 200;
            message = response.returnAs(WebMessage.class);
        } catch (RemoteDhis2ClientException e) {
            status = e.getHttpStatusCode();
            assertThat(status).as(e.getBody()).isEqualTo(409);
            message = converter.convert(new StringReader(e.getBody()), WebMessage.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Object response = message.getResponse().orElseThrow();
        for (String version : MODEL_VERSIONS) {
            try {
                Class<?> type = Class.forName("org.hisp.dhis.api.model." + version + ".ImportSummary");
                assertThat(converter.convert(response, type)).as(version).isNotNull();
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            } catch (IllegalArgumentException e) {
                throw new AssertionError("the " + version + " model cannot read our import summary", e);
            }
        }
        return new Answer(status, message, converter.convert(response, ImportSummary.class));
    }

    static DataValueSet read(Dhis2Client client, String resource, Map<String, String> parameters) {
        ParameterizedOperation<Dhis2Response> get = client.get(resource);
        for (var p : parameters.entrySet()) {
            get = get.withParameter(p.getKey(), p.getValue());
        }
        return get.transfer().returnAs(DataValueSet.class);
    }

    static DataValueSet set(DataValue... values) {
        return new DataValueSet().withDataValues(List.of(values));
    }

    static DataValue value(String dataElement, String period, String orgUnit, String value) {
        return new DataValue().withDataElement(dataElement).withPeriod(period).withOrgUnit(orgUnit).withValue(value)
                .withCategoryOptionCombo("default").withAttributeOptionCombo("default");
    }

    static List<Integer> counts(ImportSummary summary) {
        ImportCount c = summary.getImportCount().orElseThrow();
        return List.of(c.getImported(), c.getUpdated(), c.getIgnored(), c.getDeleted());
    }

    // ---- fixtures through our own API

    /** A fresh monthly 2007 target of 中原区's, known to progress-service; its id's target part is the data element. */
    static String assignedTo410102(String reporterToken) throws Exception {
        String element = "DHIS2-" + UUID.randomUUID().toString().substring(0, 8);
        String id = element + "@410102";
        HttpResponse<String> put = api.send("PUT", "/api/targets/assignments/" + id, api.token("city-office"),
                Api.assignment("交换" + element, "410102", "中原区", "12"), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        HttpResponse<String> known = api.until(r -> r.statusCode() == 200, Duration.ofSeconds(60),
                () -> api.get("/api/progress/reports?assignmentId=" + id, reporterToken));
        assertThat(known.statusCode()).as("progress-service learned the assignment").isEqualTo(200);
        return element;
    }

    /**
     * The units the fixtures need, registered as AccessMatrixIT registers them when they are missing (not the demo
     * data: AccessMatrixIT expects a platform without it, and the classes run by name, junit-platform.properties).
     */
    static void units() throws Exception {
        String office = api.token("city-office");
        if (api.get("/api/targets/units/410100", office).statusCode() != 404) {
            ensureUnit(office, "410100-TJJ", department("郑州市统计局"));
            return;
        }
        send("PUT", "/api/targets/units/410000", office, region("河南省", null, "PROVINCE"));
        send("PUT", "/api/targets/units/410100", office, region("郑州市", "410000", "CITY"));
        ensureUnit(office, "410102", region("中原区", "410100", "DISTRICT"));
        ensureUnit(office, "410100-FGW", department("郑州市发展和改革委员会"));
        ensureUnit(office, "410100-TJJ", department("郑州市统计局"));
    }

    private static void ensureUnit(String token, String code, String body) throws Exception {
        if (api.get("/api/targets/units/" + code, token).statusCode() == 404) {
            send("PUT", "/api/targets/units/" + code, token, body);
        }
    }

    private static String region(String name, String parent, String kind) {
        return """
                {"name":"%s","parentCode":%s,"kind":"%s","validFrom":"2000-01-01","contacts":[]}"""
                .formatted(name, parent == null ? "null" : "\"" + parent + "\"", kind);
    }

    private static String department(String name) {
        return """
                {"name":"%s","parentCode":"410100","departmentKind":"GOVERNMENT","assessmentCategory":"DEPARTMENTS",
                 "validFrom":"2000-01-01","contacts":[]}""".formatted(name);
    }

    static final String PLAN = "410100-2008";
    static final String PROVINCE_CODE = "HA-DHIS2-01";

    /**
     * A 2008 plan with one monthly target aligned with a province indicator, led by 市发改委 and split to 中原区,
     * issued (once per platform); answers the target part of 中原区's assignment id.
     */
    static String issuedProvinceAlignedTarget() throws Exception {
        String office = api.token("city-office");
        String element = PLAN + "-X01";
        if (api.get("/api/targets/plans/" + PLAN, office).statusCode() == 404) {
            send("PUT", "/api/targets/plans/" + PLAN, office, """
                    {"issuerUnitCode":"410100","year":2008,"title":"2008年郑州市人民政府目标（DHIS2 客户端测试）",
                     "categories":[{"code":"LEAP","name":"跨越式发展目标"}]}""");
            send("PUT", "/api/targets/plans/" + PLAN + "/targets/X01", office, """
                    {"title":"新增城镇固定资产投资","category":"LEAP","binding":false,"indicatorKind":"CUMULATIVE",
                     "unitOfMeasure":"亿元","targetValue":10,"leaders":["张副市长"],"leadUnits":["410100-FGW"],
                     "monitorUnitCode":"410100-TJJ","standardScore":100,"frequency":"MONTHLY","source":"PROVINCE",
                     "provinceCode":"%s","allocations":[{"unitCode":"410102","value":10,"standardScore":100}]}"""
                    .formatted(PROVINCE_CODE));
            send("POST", "/api/targets/plans/" + PLAN + "/issue", office, null);
        }
        String reporter = api.token("zy-reporter");
        HttpResponse<String> known = api.until(r -> r.statusCode() == 200, Duration.ofSeconds(60),
                () -> api.get("/api/progress/reports?assignmentId=" + element + "@410102", reporter));
        assertThat(known.statusCode()).as("progress-service learned the issued assignment").isEqualTo(200);
        return element;
    }

    private static void send(String method, String path, String token, String body) throws Exception {
        HttpResponse<String> r = api.send(method, path, token, body, Map.of());
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
    }
}
