package cn.mubiao.gateway.routing;

import cn.mubiao.gateway.Problems;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a service learns of a routed call, with the gateway's removal of client-sent forwarded headers before it. */
class RoutedHeadersTest {

    final LeanHeaderFilters removal = new LeanHeaderFilters();
    final List<HttpHeadersFilter> filters = List.of(
            (HttpHeadersFilter) removal.postProcessAfterInitialization(new RemoveXForwardedHeadersFilter(), "x"),
            (HttpHeadersFilter) removal.postProcessAfterInitialization(new RemoveForwardedHeadersFilter(), "f"),
            new RoutedHeaders());

    MockServerWebExchange call(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request
                .remoteAddress(new InetSocketAddress("203.0.113.7", 50123)).header("Host", "mubiao.example:8080"));
        exchange.getAttributes().put(Problems.REQUEST_ID_ATTRIBUTE, "req-1");
        return exchange;
    }

    @Test
    void theServiceLearnsTheCallersAddressSchemeHostAndRequestIdAndKeepsTheOtherHeaders() {
        MockServerWebExchange exchange = call(MockServerHttpRequest.get("http://mubiao.example:8080/api/targets/a")
                .header("Authorization", "Bearer t"));

        HttpHeaders relayed = HttpHeadersFilter.filterRequest(filters, exchange);

        assertThat(relayed.get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(relayed.get("X-Forwarded-Proto")).containsExactly("http");
        assertThat(relayed.get("X-Forwarded-Host")).containsExactly("mubiao.example:8080");
        assertThat(relayed.get("X-Request-Id")).containsExactly("req-1");
        assertThat(relayed.get("Authorization")).containsExactly("Bearer t");
    }

    @Test
    void whatTheClientSentAsForwardedHeadersIsDroppedOrReplacedNeverPassedOn() {
        MockServerWebExchange exchange = call(MockServerHttpRequest.get("http://mubiao.example:8080/api/targets/a")
                .header("X-Forwarded-For", "6.6.6.6").header("x-forwarded-host", "evil.example")
                .header("X-Forwarded-Prefix", "/evil").header("X-Forwarded-Ssl", "on")
                .header("Forwarded", "for=6.6.6.6").header("X-Request-Id", "planted"));

        HttpHeaders relayed = HttpHeadersFilter.filterRequest(filters, exchange);

        assertThat(relayed.get("X-Forwarded-For")).containsExactly("203.0.113.7");
        assertThat(relayed.get("X-Forwarded-Host")).containsExactly("mubiao.example:8080");
        assertThat(relayed.get("X-Request-Id")).containsExactly("req-1");
        assertThat(relayed.headerNames()).doesNotContain("X-Forwarded-Prefix", "X-Forwarded-Ssl", "Forwarded");
    }

    @Test
    void withoutForwardedHeadersTheRemovalPassesTheHeadersOnWithoutACopy() {
        MockServerWebExchange exchange = call(MockServerHttpRequest.get("/api/targets/a").header("Accept", "*/*"));
        HttpHeaders sent = exchange.getRequest().getHeaders();

        assertThat(filters.get(0).filter(sent, exchange)).isSameAs(sent);
        assertThat(filters.get(1).filter(sent, exchange)).isSameAs(sent);
    }

    @Test
    void theServicesAreToldOnlyOnTheWayThereNotOnTheWayBack() {
        RoutedHeaders routed = new RoutedHeaders();

        assertThat(routed.supports(HttpHeadersFilter.Type.REQUEST)).isTrue();
        assertThat(routed.supports(HttpHeadersFilter.Type.RESPONSE)).isFalse();
        assertThat(routed.getOrder()).isGreaterThan(new RemoveXForwardedHeadersFilter().getOrder());
    }
}
