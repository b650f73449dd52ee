package cn.mubiao.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class OnceCheckedFirewallTest {

    final ServerWebExchangeFirewall firewall = GatewaySecurity.firewall();

    @Test
    void aCleanRequestGoesOnAsItCameWithoutWrappers() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("/api/targets/assignments/a1?year=2026").header("Authorization", "Bearer abc.def.ghi")
                .header("X-Request-Id", "console-42"));

        ServerWebExchange passed = firewall.getFirewalledExchange(exchange).block();

        assertThat(passed).isSameAs(exchange);
    }

    @Test
    void aHeaderNobodyReadsIsCheckedAndAControlCharacterInItsValueRejected() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("/api/targets/assignments/a1").header("X-Note", "bell\u0007"));

        StepVerifier.create(firewall.getFirewalledExchange(exchange))
                .expectError(ServerExchangeRejectedException.class).verify();
    }

    @Test
    void aHeaderNameWithAControlCharacterIsRejected() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("/api/targets/assignments/a1").header("X-\u0001Note", "fine"));

        StepVerifier.create(firewall.getFirewalledExchange(exchange))
                .expectError(ServerExchangeRejectedException.class).verify();
    }

    @Test
    void aQueryParameterNameWithAControlCharacterIsRejected() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest
                .get("/api/targets/assignments").queryParam("unit\u0001", "410102"));

        StepVerifier.create(firewall.getFirewalledExchange(exchange))
                .expectError(ServerExchangeRejectedException.class).verify();
    }

    @Test
    void thePathAndMethodRulesOfTheStrictFirewallStillApply() {
        StepVerifier.create(firewall.getFirewalledExchange(MockServerWebExchange.from(
                        MockServerHttpRequest.get("/api/targets/%2e%2e/admin"))))
                .expectError(ServerExchangeRejectedException.class).verify();
        StepVerifier.create(firewall.getFirewalledExchange(MockServerWebExchange.from(
                        MockServerHttpRequest.method(org.springframework.http.HttpMethod.valueOf("TRACE"), "/api/targets"))))
                .expectError(ServerExchangeRejectedException.class).verify();
    }
}
