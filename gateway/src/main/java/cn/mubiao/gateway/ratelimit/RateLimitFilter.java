package cn.mubiao.gateway.ratelimit;

import cn.mubiao.gateway.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * Limits API calls per user and per client (after the security filters, so the caller is known): over the limit
 * a 429 problem with {@code Retry-After} in whole seconds. Anonymous calls never get this far on {@code /api/**}.
 */
@Component
@Order(0)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitFilter implements WebFilter {

    private final boolean enabled;
    private final TokenBuckets users;
    private final TokenBuckets clients;

    RateLimitFilter(RateLimitProperties properties) {
        this.enabled = properties.enabled();
        this.users = new TokenBuckets(properties.perUser(), System::nanoTime);
        this.clients = new TokenBuckets(properties.perClient(), System::nanoTime);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled || !exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(this::verdict)
                .defaultIfEmpty(Verdict.PASS)
                .flatMap(v -> v == Verdict.PASS ? chain.filter(exchange) : tooMany(exchange, v));
    }

    private Verdict verdict(Object principal) {
        String user = null;
        String client = null;
        if (principal instanceof JwtAuthenticationToken jwt) {
            user = jwt.getToken().getSubject();
            client = jwt.getToken().getClaimAsString("azp");
            if (client == null) {
                client = jwt.getToken().getClaimAsString("client_id");
            }
        } else if (principal instanceof OAuth2AuthenticationToken session
                && session.getPrincipal() instanceof OidcUser oidc) {
            user = oidc.getSubject();
        } else if (principal instanceof Authentication other) {
            user = other.getName();
        }
        if (user != null) {
            Duration wait = users.take(user);
            if (!wait.isZero()) {
                return new Verdict("user", wait);
            }
        }
        if (client != null) {
            Duration wait = clients.take(client);
            if (!wait.isZero()) {
                return new Verdict("client", wait);
            }
        }
        return Verdict.PASS;
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Verdict verdict) {
        long seconds = Math.max(1, (verdict.delay().toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        boolean user = verdict.limit().equals("user");
        String detail = "%s请求过于频繁，请 %d 秒后重试 / %s sent too many requests; retry in %d s".formatted(
                user ? "您的账号" : "您的客户端", seconds, user ? "your account" : "your client", seconds);
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁 / Too many requests", detail,
                Map.of("limit", verdict.limit(), "retryAfterSeconds", seconds));
    }

    /** Whether a call may pass; else which limit stopped it and for how long. */
    private record Verdict(String limit, Duration delay) {
        static final Verdict PASS = new Verdict("", Duration.ZERO);
    }
}
