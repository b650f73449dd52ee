package cn.mubiao.gateway.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

class PlainRequestUrlsTest {

    @ParameterizedTest
    @CsvSource({
            "http://localhost:8080/api/targets/assignments/a1?year=2026, http://127.0.0.1:8081",
            "http://localhost:8080/api/targets/assignments, http://target-service:8081",
            "http://gateway.example/api/targets/echo/a%20b?q=x%20y&q=%E4%B8%AD, http://127.0.0.1:8081",
            "http://gateway.example/api/targets/x?unit=中原区&year=2026, http://127.0.0.1:8081",
            "https://gateway.example/api/progress/reports?assignmentId=a&period=2026-03, https://progress.internal",
            "http://localhost:8080/api/scoring/dhis2/api/dataValueSets?dataSet=ds1&period=2026&orgUnit=410102, http://[::1]:8083",
            "http://localhost:8080/api/notifications/, http://127.0.0.1:8084/ignored/path",
    })
    void theUrlIsTheGatewaysOwn(String requested, String routeUri) {
        URI gateways = routedBy(new RouteToRequestUrlFilter(), requested, routeUri);
        URI plain = routedBy(new PlainRequestUrls.Filter(), requested, routeUri);

        assertThat(plain).isEqualTo(gateways);
        assertThat(plain.toString()).isEqualTo(gateways.toString());
    }

    @Test
    void aLoadBalancedRouteGoesThroughTheGatewaysOwnFilter() {
        assertThat(PlainRequestUrls.Filter.routed(URI.create("http://localhost/api/x"), URI.create("lb://target-service")))
                .isNull();
        assertThat(PlainRequestUrls.Filter.routed(URI.create("http://localhost/api/x"), URI.create("lb:ws://target-service")))
                .isNull();
    }

    @Test
    void theGatewaysFilterIsReplacedInPlace() {
        assertThat(new PlainRequestUrls().postProcessAfterInitialization(new RouteToRequestUrlFilter(), "f"))
                .isInstanceOf(PlainRequestUrls.Filter.class)
                .extracting(f -> ((RouteToRequestUrlFilter) f).getOrder())
                .isEqualTo(RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER);
    }

    private static URI routedBy(RouteToRequestUrlFilter filter, String requested, String routeUri) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(HttpMethod.GET, URI.create(requested)));
        exchange.getAttributes().put(GATEWAY_ROUTE_ATTR,
                Route.async().id("r").uri(URI.create(routeUri)).predicate(e -> true).build());
        filter.filter(exchange, e -> Mono.empty()).block();
        return exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
    }
}
