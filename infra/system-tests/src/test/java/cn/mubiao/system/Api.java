package cn.mubiao.system;

import cn.mubiao.devstack.demo.DemoData;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** Plain HTTP calls through the gateway, with real Keycloak tokens. */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String keycloak;

    Api(Platform p) {
        this.base = p.gatewayUrl();
        this.keycloak = p.stack.keycloakUrl();
    }

    String token(String username) throws IOException, InterruptedException {
        return DemoData.token(keycloak, username, "demo123");
    }

    HttpResponse<String> send(String method, String path, String token, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A call with a binary body (an Excel workbook) or a binary answer, read by {@code answer}. */
    <T> HttpResponse<T> sendBytes(String method, String path, String token, byte[] body, String contentType,
                                  HttpResponse.BodyHandler<T> answer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), answer);
    }

    static final String MULTIPART_BOUNDARY = "mubiao-boundary-7d1f";

    /** A {@code multipart/form-data} body (boundary {@link #MULTIPART_BOUNDARY}) with one file part. */
    static byte[] multipartFile(String part, String fileName, String contentType, byte[] content) {
        var out = new java.io.ByteArrayOutputStream();
        String head = "--" + MULTIPART_BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        out.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + MULTIPART_BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return send("GET", path, token, null, Map.of());
    }

    /** Repeats a call until its answer passes, e.g. until an event has reached another service's read model. */
    HttpResponse<String> until(Predicate<HttpResponse<String>> done, Duration timeout, Call call) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> r = call.run();
        while (!done.test(r) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            r = call.run();
        }
        return r;
    }

    interface Call {
        HttpResponse<String> run() throws Exception;
    }

    static String assignment(String title, String unit, String unitName, String value) {
        return assignment(title, unit, unitName, value, 2007);
    }

    static String assignment(String title, String unit, String unitName, String value, int year) {
        return """
                {"planId":"%d-410100","year":%d,"targetCode":"A03","targetTitle":"%s","category":"跨越式发展目标",
                 "unitCode":"%s","unitName":"%s","monitorUnitCode":"410100-TJJ","indicatorKind":"CUMULATIVE",
                 "unitOfMeasure":"亿元","targetValue":%s,"standardScore":10,"frequency":"MONTHLY","leaders":["张副市长"]}"""
                .formatted(year, year, title, unit, unitName, value);
    }

    static String report(String assignmentId, String period, String actual) {
        return """
                {"assignmentId":"%s","period":"%s","cumulativeActual":%s,
                 "narrative":{"progress":"项目推进中","problems":"资金到位慢","measures":"加快审批"}}"""
                .formatted(assignmentId, period, actual);
    }
}
