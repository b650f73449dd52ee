package cn.mubiao.gateway;

import io.netty.channel.EventLoop;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.Connection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routed call leaves over a connection of the event loop it came in on ({@code routing.SameLoopRouting}), so
 * one thread reads, sends, receives and answers it. Calls come in over fresh connections, which Reactor Netty
 * spreads over its loops; with one pool for all loops, the idle connection of one loop served them all.
 */
@Import(SameLoopRoutingTest.LoopWitness.class)
class SameLoopRoutingTest extends GatewayTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    Hops hops;

    @Test
    void everyRoutedCallLeavesOnTheEventLoopItArrivedOn() throws Exception {
        for (int i = 0; i < 8; i++) {
            try (HttpClient fresh = HttpClient.newHttpClient()) { // a new connection each time
                HttpResponse<String> response = fresh.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + port + "/api/progress/reports?assignmentId=a"))
                        .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }

        assertThat(hops.seen).hasSize(8);
        Set<EventLoop> inboundLoops = hops.seen.stream().map(Hop::inbound).collect(Collectors.toSet());
        assertThat(inboundLoops).as("the calls arrived on several loops").hasSizeGreaterThan(1);
        assertThat(hops.seen).allSatisfy(hop -> assertThat(hop.outbound()).isSameAs(hop.inbound()));
    }

    /** The event loops of one routed call's connections: the caller's and the one to the service. */
    record Hop(EventLoop inbound, EventLoop outbound) {
    }

    static final class Hops {
        final List<Hop> seen = new CopyOnWriteArrayList<>();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class LoopWitness {

        @Bean
        Hops hops() {
            return new Hops();
        }

        @Bean
        GlobalFilter loopWitness(Hops hops) {
            return (exchange, chain) -> chain.filter(exchange).doOnSuccess(done -> {
                Connection toService = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
                Object caller = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
                if (toService != null && caller instanceof Connection fromCaller) {
                    hops.seen.add(new Hop(fromCaller.channel().eventLoop(), toService.channel().eventLoop()));
                }
            });
        }
    }
}
