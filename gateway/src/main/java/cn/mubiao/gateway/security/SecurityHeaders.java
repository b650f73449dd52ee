package cn.mubiao.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers on every answer of the gateway, as Spring Security's default header writers set them
 * ({@code SecurityHeadersTest} compares the two): {@code Cache-Control}/{@code Pragma}/{@code Expires} unless the
 * answer has any of them or is a 304, {@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY},
 * {@code X-XSS-Protection: 0}, HSTS on https, and the configured {@code Content-Security-Policy} and
 * {@code Referrer-Policy}; each only where the answer (a service's, say) does not have it already.
 *
 * <p>In one step: Spring Security's twelve writers (five of them unconfigured, writing nothing) each ran as a
 * reactive step of their own, and each of the seven that write copied every header name into a new case-insensitive
 * set to see whether its header was there, on every call (3.5% of the gateway's CPU per routed call,
 * infra/bench/gateway-overhead). Runs before Spring Security, so its refusals (401, 403, the firewall's 400) and
 * the size limit's 413 carry the headers too.
 */
@Component
class SecurityHeaders implements WebFilter, Ordered {

    static final String CACHE_CONTROL = "no-cache, no-store, max-age=0, must-revalidate";
    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    private final String contentSecurityPolicy;
    private final String referrerPolicy;

    SecurityHeaders(HeaderProperties headers) {
        this.contentSecurityPolicy = headers.contentSecurityPolicy();
        this.referrerPolicy = GatewaySecurity.referrerPolicy(headers.referrerPolicy()).getPolicy();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after the request id, before the size limit and security
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            write(exchange);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    void write(ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        if (!HttpStatus.NOT_MODIFIED.equals(response.getStatusCode()) && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)
                && !headers.containsHeader(HttpHeaders.PRAGMA) && !headers.containsHeader(HttpHeaders.EXPIRES)) {
            headers.set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
            headers.set(HttpHeaders.PRAGMA, "no-cache");
            headers.set(HttpHeaders.EXPIRES, "0");
        }
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        if ("https".equals(exchange.getRequest().getURI().getScheme())) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "X-XSS-Protection", "0");
        setIfAbsent(headers, "Content-Security-Policy", contentSecurityPolicy);
        setIfAbsent(headers, "Referrer-Policy", referrerPolicy);
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
