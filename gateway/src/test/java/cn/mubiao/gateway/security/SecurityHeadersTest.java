package cn.mubiao.gateway.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's security headers are those Spring Security's own header writers set, with the same settings: both
 * run on the same answers and the headers of each answer are compared.
 */
class SecurityHeadersTest {

    static final HeaderProperties SETTINGS = new HeaderProperties("default-src 'self'", "same-origin");

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("a plain http answer", "http://gw.test/api/targets/a", answer(HttpStatus.OK, h -> {
                })),
                Arguments.of("an https answer (HSTS)", "https://gw.test/api/targets/a", answer(HttpStatus.OK, h -> {
                })),
                Arguments.of("a 304", "https://gw.test/api/targets/a", answer(HttpStatus.NOT_MODIFIED, h -> {
                })),
                Arguments.of("a 401", "http://gw.test/api/targets/a", answer(HttpStatus.UNAUTHORIZED, h -> {
                })),
                Arguments.of("a service's answer with caching and framing of its own", "http://gw.test/api/files/1",
                        answer(HttpStatus.OK, h -> {
                            h.set(HttpHeaders.CACHE_CONTROL, "private, max-age=60");
                            h.set("x-frame-options", "SAMEORIGIN");
                            h.set("Content-Security-Policy", "sandbox");
                        })),
                Arguments.of("an answer with only Expires", "http://gw.test/", answer(HttpStatus.OK,
                        h -> h.set(HttpHeaders.EXPIRES, "Thu, 01 Jan 2026 00:00:00 GMT"))),
                Arguments.of("an answer with its own referrer and content type options", "http://gw.test/",
                        answer(HttpStatus.OK, h -> {
                            h.set("Referrer-Policy", "no-referrer");
                            h.set("X-Content-Type-Options", "nosniff");
                            h.set("X-XSS-Protection", "1; mode=block");
                        })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void theGatewaySetsTheHeadersSpringSecuritysWritersWouldHaveSet(String what, String url, Consumer<ServerWebExchange> answer) {
        Map<String, String> ours = headersAfter(new SecurityHeaders(SETTINGS), url, answer);
        Map<String, String> springSecuritys = headersAfter(springSecurityHeaderFilter(), url, answer);

        assertThat(ours).isEqualTo(springSecuritys);
        assertThat(ours).containsKey("x-frame-options"); // the comparison compares something
    }

    /** Spring Security's header filter as the gateway configured it before {@link SecurityHeaders}. */
    static WebFilter springSecurityHeaderFilter() {
        return ServerHttpSecurity.http()
                .authorizeExchange(a -> a.anyExchange().permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(p -> p.policyDirectives(SETTINGS.contentSecurityPolicy()))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build().getWebFilters().filter(f -> f instanceof HttpHeaderWriterWebFilter).blockFirst();
    }

    static Consumer<ServerWebExchange> answer(HttpStatus status, Consumer<HttpHeaders> headers) {
        return exchange -> {
            exchange.getResponse().setStatusCode(status);
            headers.accept(exchange.getResponse().getHeaders());
        };
    }

    /** The answer's headers, names in lower case, after the filter ran and the answer was committed. */
    static Map<String, String> headersAfter(WebFilter filter, String url, Consumer<ServerWebExchange> answer) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(url));
        filter.filter(exchange, e -> {
            answer.accept(e);
            return e.getResponse().setComplete();
        }).block();
        Map<String, String> headers = new TreeMap<>();
        exchange.getResponse().getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        return headers;
    }
}
