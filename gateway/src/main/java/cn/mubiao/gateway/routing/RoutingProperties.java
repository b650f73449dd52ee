package cn.mubiao.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * {@code mubiao.gateway.routing}: the services behind the gateway, how long to wait for them, and when to stop
 * trying for a while.
 *
 * @param connectTimeout  default time to open a connection to a service
 * @param responseTimeout default time until a service's response headers arrive
 * @param circuitBreaker  the breaker every route gets (one per route, named by the route id)
 * @param routes          by route id (the service's name): where it is, the path it serves, own timeouts
 */
@ConfigurationProperties("mubiao.gateway.routing")
record RoutingProperties(Duration connectTimeout, Duration responseTimeout, CircuitBreaker circuitBreaker,
                         Map<String, Route> routes) {

    RoutingProperties {
        Objects.requireNonNull(connectTimeout, "mubiao.gateway.routing.connect-timeout");
        Objects.requireNonNull(responseTimeout, "mubiao.gateway.routing.response-timeout");
        Objects.requireNonNull(circuitBreaker, "mubiao.gateway.routing.circuit-breaker");
        routes = routes == null ? Map.of() : new LinkedHashMap<>(routes);
    }

    /**
     * @param uri             the service's base URL
     * @param path            the path pattern it serves, e.g. {@code /api/progress/**}
     * @param connectTimeout  overrides the default when set
     * @param responseTimeout overrides the default when set
     */
    record Route(URI uri, String path, Duration connectTimeout, Duration responseTimeout) {
        Route {
            Objects.requireNonNull(uri, "mubiao.gateway.routing.routes.*.uri");
            Objects.requireNonNull(path, "mubiao.gateway.routing.routes.*.path");
        }
    }

    /**
     * Resilience4j's count-based breaker: opens when at least {@code failureRateThreshold} percent of the last
     * {@code slidingWindowSize} calls (and at least {@code minimumNumberOfCalls}) failed (connection refused, timed
     * out); stays open {@code waitInOpenState}, then lets {@code permittedCallsInHalfOpenState} calls probe.
     */
    record CircuitBreaker(float failureRateThreshold, int slidingWindowSize, int minimumNumberOfCalls,
                          Duration waitInOpenState, int permittedCallsInHalfOpenState) {
        CircuitBreaker {
            Objects.requireNonNull(waitInOpenState, "mubiao.gateway.routing.circuit-breaker.wait-in-open-state");
        }
    }

    Duration connectTimeout(Route route) {
        return route.connectTimeout() != null ? route.connectTimeout() : connectTimeout;
    }

    Duration responseTimeout(Route route) {
        return route.responseTimeout() != null ? route.responseTimeout() : responseTimeout;
    }
}
