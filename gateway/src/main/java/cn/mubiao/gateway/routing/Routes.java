package cn.mubiao.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;

import java.time.Duration;

/**
 * One route per service from {@code mubiao.gateway.routing.routes}: its connect and response timeouts (route
 * metadata, read by the gateway's HTTP client), a circuit breaker named by the route id whose fallback is a 503
 * problem naming the service ({@link Fallback}), and no cookies towards the services (the gateway's session
 * cookie stays at the gateway).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class Routes {

    static final String FALLBACK_PATH = "/fallback/";

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, RoutingProperties routing) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        routing.routes().forEach((id, route) -> routes.route(id, r -> r
                .path(route.path())
                .filters(f -> f
                        .removeRequestHeader(HttpHeaders.COOKIE)
                        .circuitBreaker(c -> c.setName(id).setFallbackUri("forward:" + FALLBACK_PATH + id)))
                .metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) routing.connectTimeout(route).toMillis())
                .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, routing.responseTimeout(route).toMillis())
                .uri(route.uri())));
        return routes.build();
    }

    /**
     * The breakers: settings from {@code mubiao.gateway.routing.circuit-breaker}; the route's own timeouts decide
     * what is slow, the time limiter only backs them up.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakers(RoutingProperties routing) {
        RoutingProperties.CircuitBreaker cb = routing.circuitBreaker();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.slidingWindowSize())
                .minimumNumberOfCalls(cb.minimumNumberOfCalls())
                .failureRateThreshold(cb.failureRateThreshold())
                .waitDurationInOpenState(cb.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(cb.permittedCallsInHalfOpenState())
                .build();
        return factory -> routing.routes().forEach((id, route) -> factory.configure(b -> b
                .circuitBreakerConfig(breaker)
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(routing.connectTimeout(route).plus(routing.responseTimeout(route))
                                .plus(Duration.ofSeconds(5)))
                        .build()), id));
    }
}
