package cn.mubiao.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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

    @Test
    void anAnswerHeaderWithALineBreakIsRefusedAsTheAnswerIsCommitted() {
        MockServerWebExchange clean = MockServerWebExchange.from(MockServerHttpRequest.get("/api/targets"));
        firewall.getFirewalledExchange(clean).block();
        clean.getResponse().getHeaders().add("X-Fine", "fine");
        StepVerifier.create(clean.getResponse().setComplete()).verifyComplete();

        MockServerWebExchange split = MockServerWebExchange.from(MockServerHttpRequest.get("/api/targets"));
        firewall.getFirewalledExchange(split).block();
        split.getResponse().getHeaders().add("X-Split", "a\r\nSet-Cookie: planted");
        StepVerifier.create(split.getResponse().setComplete()).expectError(IllegalArgumentException.class).verify();
    }

    /**
     * The strict firewall's own exchange gets no commit action ({@code AnswerCheckedHere}) because the one it
     * registers is the answer header check {@code OnceCheckedFirewall} makes itself: should a later Spring
     * Security register another, this fails.
     */
    @Test
    void theStrictFirewallsOnlyCommitActionIsTheAnswerHeaderCheckMadeHere() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/targets"));
        List<Supplier<? extends Mono<Void>>> actions = new ArrayList<>();
        ServerWebExchange capturing = new ServerWebExchangeDecorator(exchange) {
            @Override
            public ServerHttpResponse getResponse() {
                return new ServerHttpResponseDecorator(exchange.getResponse()) {
                    @Override
                    public void beforeCommit(Supplier<? extends Mono<Void>> action) {
                        actions.add(action);
                    }
                };
            }
        };

        new StrictServerWebExchangeFirewall().getFirewalledExchange(capturing).block();

        assertThat(actions).hasSize(1);
        exchange.getResponse().getHeaders().add("X-Fine", "fine");
        StepVerifier.create(actions.getFirst().get()).verifyComplete();
        StepVerifier.create(OnceCheckedFirewall.noLineBreaks(exchange.getResponse())).verifyComplete();
        exchange.getResponse().getHeaders().add("X-Split", "a\nb");
        StepVerifier.create(actions.getFirst().get()).expectError(IllegalArgumentException.class).verify();
        StepVerifier.create(OnceCheckedFirewall.noLineBreaks(exchange.getResponse()))
                .expectError(IllegalArgumentException.class).verify();
    }
}
