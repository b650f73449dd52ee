package cn.mubiao.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One route per service from {@code mubiao.gateway.routing.routes}: its connect and response timeouts (route
 * metadata, read by the gateway's HTTP client), a circuit breaker named by the route id that answers a 503
 * problem naming the service ({@link RouteCircuitBreaker}), and no cookies towards the services (the gateway's
 * session cookie stays at the gateway).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class Routes {

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, RoutingProperties routing,
                               CircuitBreakerRegistry routeBreakers) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        routing.routes().forEach((id, route) -> routes.route(id, r -> r
                .path(route.path())
                .filters(f -> f
                        .filter(Routes::withoutCookies)
                        .filter(new RouteCircuitBreaker(id, routeBreakers.circuitBreaker(id),
                                routing.circuitBreaker().waitInOpenState())))
                .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) routing.connectTimeout(route).toMillis())
                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, routing.responseTimeout(route).toMillis())
                .uri(route.uri())));
        return routes.build();
    }

    /**
     * The breakers, one per route, with the settings of {@code mubiao.gateway.routing.circuit-breaker}: errors
     * (no connection, the route's timeouts) and 5xx answers count as failures. The route's own timeouts bound
     * every call, so no time limiter runs beside them.
     */
    @Bean
    CircuitBreakerRegistry routeBreakers(RoutingProperties routing) {
        RoutingProperties.CircuitBreaker cb = routing.circuitBreaker();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumNumberOfCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .waitDurationInOpenState(cb.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(cb.permittedCallsInHalfOpenState())
                .recordResult(Routes::serverError)
                .build());
    }

    /**
     * The gateway's cookies (its session) stay at the gateway. Most routed calls (bearer tokens) carry none: their
     * request is passed on as it is, without copying its headers.
     */
    static Mono<Void> withoutCookies(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.COOKIE)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate()
                .request(r -> r.headers(h -> h.remove(HttpHeaders.COOKIE))).build());
    }

    static boolean serverError(Object result) {
        return result instanceof HttpStatusCode status && status.is5xxServerError();
    }
}
