package cn.mubiao.gateway;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details as the gateway answers them itself (401 at the edge, 413, 429, the circuit breakers'
 * 503 …), in the same shape as the services' ({@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}), plus the request id.
 */
public final class Problems {

    /** Exchange attribute holding the request id (set first of all by the request id filter). */
    public static final String REQUEST_ID_ATTRIBUTE = "cn.mubiao.gateway.requestId";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Exchange attribute holding the path the client asked for (a fallback is forwarded to another one). */
    public static final String REQUEST_PATH_ATTRIBUTE = "cn.mubiao.gateway.requestPath";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return write(exchange, status, title, detail, Map.of());
    }

    /**
     * Writes the problem unless the response is already committed (then there is nothing left to say).
     *
     * @param extensions further members, e.g. {@code service} or {@code retryAfterSeconds}
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail,
                                   Map<String, ?> extensions) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        if (status == HttpStatus.UNAUTHORIZED && !headers.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mubiao\"");
        }
        byte[] body = JSON.writeValueAsBytes(body(exchange, status, title, detail, extensions));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    /** The path the client asked for. */
    public static String instance(ServerWebExchange exchange) {
        String path = exchange.getAttribute(REQUEST_PATH_ATTRIBUTE);
        return path != null ? path : exchange.getRequest().getPath().value();
    }

    /** The problem's members, for handlers that answer through a {@code ServerResponse}. */
    public static Map<String, Object> body(ServerWebExchange exchange, HttpStatus status, String title, String detail,
                                    Map<String, ?> extensions) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://mubiao.cn/problems/" + status.value());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance(exchange));
        problem.putAll(extensions);
        Object requestId = exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem;
    }
}
