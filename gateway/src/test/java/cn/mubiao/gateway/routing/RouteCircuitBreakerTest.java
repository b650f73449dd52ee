package cn.mubiao.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A route's breaker on its own, the rest of the gateway replaced by a chain the test scripts: breakers open after 4
 * calls of which half failed, and stay open 60 s.
 */
class RouteCircuitBreakerTest {

    final CircuitBreakerRegistry registry = new Routes().routeBreakers(new RoutingProperties(Duration.ofSeconds(2),
            Duration.ofSeconds(30), new RoutingProperties.CircuitBreaker(50, 4, 4, Duration.ofSeconds(60), 2), null));
    final CircuitBreaker breaker = registry.circuitBreaker("progress-service");
    final RouteCircuitBreaker filter = new RouteCircuitBreaker("progress-service", breaker, Duration.ofSeconds(60));
    final AtomicInteger calls = new AtomicInteger();

    @Test
    void aServiceThatCannotBeReachedGets503ProblemNamingItAndTheBreakerOpens() {
        Function<MockServerWebExchange, Mono<Void>> refused = x -> Mono.error(new ConnectException("Connection refused"));
        for (int i = 0; i < 4; i++) {
            MockServerWebExchange exchange = call(refused);
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isNull();
            JsonNode problem = body(exchange);
            assertThat(problem.get("status").asInt()).isEqualTo(503);
            assertThat(problem.get("service").asString()).isEqualTo("progress-service");
            assertThat(problem.get("instance").asString()).isEqualTo("/api/progress/reports");
            assertThat(problem.get("detail").asString()).contains("progress-service", "not reachable");
        }
        assertThat(calls).hasValue(4);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        MockServerWebExchange turnedAway = call(x -> Mono.empty());
        assertThat(calls).as("the open breaker does not ask the service").hasValue(4);
        assertThat(turnedAway.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(turnedAway.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("60");
        JsonNode problem = body(turnedAway);
        assertThat(problem.get("service").asString()).isEqualTo("progress-service");
        assertThat(problem.get("detail").asString()).contains("failed repeatedly");
    }

    @Test
    void serverErrorsOfTheServiceCountAgainstItButReachTheClientAsTheyAre() {
        for (int i = 0; i < 4; i++) {
            MockServerWebExchange exchange = call(x -> {
                x.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
                return Mono.empty();
            });
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void answersOfTheServiceIncludingClientErrorsKeepTheBreakerClosed() {
        for (int i = 0; i < 10; i++) {
            HttpStatus status = i % 2 == 0 ? HttpStatus.OK : HttpStatus.NOT_FOUND;
            MockServerWebExchange exchange = call(x -> {
                x.getResponse().setStatusCode(status);
                return Mono.empty();
            });
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(status);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void theClientsOwnFaultPassesOnAndDoesNotCount() {
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> call(x -> Mono.error(
                    new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "request body too large"))))
                    .isInstanceOf(ResponseStatusException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfBufferedCalls()).isZero();
    }

    @Test
    void eachRouteHasItsOwnBreaker() {
        for (int i = 0; i < 4; i++) {
            call(x -> Mono.error(new ConnectException("Connection refused")));
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(registry.circuitBreaker("scoring-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private MockServerWebExchange call(Function<MockServerWebExchange, Mono<Void>> service) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/progress/reports"));
        GatewayFilterChain chain = x -> {
            calls.incrementAndGet();
            return service.apply(exchange);
        };
        filter.filter(exchange, chain).block(Duration.ofSeconds(5));
        return exchange;
    }

    private static JsonNode body(MockServerWebExchange exchange) {
        return JsonMapper.builder().build().readTree(exchange.getResponse().getBodyAsString().block());
    }
}
