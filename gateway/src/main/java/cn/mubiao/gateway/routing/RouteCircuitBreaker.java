package cn.mubiao.gateway.routing;

import cn.mubiao.gateway.Problems;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * A route's circuit breaker, straight on Resilience4j: each call asks the breaker for permission, then reports
 * how it went and how long it took. What counts against the service: no connection, no answer within the route's
 * timeouts, or a 5xx answer (the answer itself still goes to the client). What does not: the client's own faults
 * (a 4xx raised at the gateway, e.g. a body over the size limit), which pass on untouched.
 * <p>
 * A call that failed, or that the open breaker did not let through, gets a 503 problem naming the service, with
 * {@code Retry-After} while the breaker is open.
 */
final class RouteCircuitBreaker implements GatewayFilter {

    private static final Logger log = LoggerFactory.getLogger(RouteCircuitBreaker.class);

    private final String service;
    private final CircuitBreaker breaker;
    private final String retryAfterSeconds;

    /** @param retryAfter how long the breaker stays open, told to clients it turns away */
    RouteCircuitBreaker(String service, CircuitBreaker breaker, Duration retryAfter) {
        this.service = service;
        this.breaker = breaker;
        this.retryAfterSeconds = String.valueOf(Math.max(1, retryAfter.toSeconds()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!breaker.tryAcquirePermission()) {
            return unavailable(exchange, null);
        }
        long started = breaker.getCurrentTimestamp();
        return chain.filter(exchange)
                .doOnSuccess(done -> breaker.onResult(elapsed(started), breaker.getTimestampUnit(),
                        exchange.getResponse().getStatusCode()))
                .doOnCancel(breaker::releasePermission)
                .onErrorResume(e -> {
                    if (clientFault(e)) {
                        breaker.releasePermission();
                        return Mono.error(e);
                    }
                    breaker.onError(elapsed(started), breaker.getTimestampUnit(), e);
                    return unavailable(exchange, e);
                });
    }

    private long elapsed(long started) {
        return breaker.getCurrentTimestamp() - started;
    }

    /** A 4xx the gateway raised itself while passing the call on: the caller's doing, not the service's. */
    static boolean clientFault(Throwable e) {
        return e instanceof ResponseStatusException r && r.getStatusCode().is4xxClientError();
    }

    /** The 503 problem; {@code cause} null: the breaker is open and the service was not asked. */
    private Mono<Void> unavailable(ServerWebExchange exchange, Throwable cause) {
        boolean open = cause == null;
        log.warn("{} unavailable for {} {} (request {}): {}", service, exchange.getRequest().getMethod(),
                Problems.instance(exchange), exchange.getAttribute(Problems.REQUEST_ID_ATTRIBUTE),
                open ? "circuit breaker " + breaker.getState() : cause.toString());
        if (open) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        String detail = open
                ? "%s 多次失败，暂停转发，请稍后重试 / %s failed repeatedly; requests are paused, try again later"
                .formatted(service, service)
                : "%s 暂时无法访问或响应超时，请稍后重试 / %s is not reachable or did not answer in time; try again later"
                .formatted(service, service);
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "服务暂不可用 / Service unavailable", detail,
                Map.of("service", service));
    }

    @Override
    public String toString() {
        return "RouteCircuitBreaker[" + service + "]";
    }
}
