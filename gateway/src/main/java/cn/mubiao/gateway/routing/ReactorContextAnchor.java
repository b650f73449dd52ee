package cn.mubiao.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.function.Function;

/**
 * Keeps the Reactor context of a call where the operators subscribed after the web filters find it at once. Each
 * operator asks its subscriber for the context when it is subscribed, and each subscriber asks the next, down
 * through every web and security filter of the request until one holds a context of its own: these walks
 * ({@code InnerOperator.currentContext}) were 8% of the gateway's CPU per routed call in a flight recording of
 * {@code infra/bench/gateway-overhead}. A context write that leaves the context as it is holds it nearby: one as the
 * last web filter (for the handler lookup, the route's predicates), one as the first routing filter (for the HTTP
 * client's connect, retry and timeout, the pool, the response's write). What anything reads from the context is
 * unchanged.
 */
final class ReactorContextAnchor {

    private static final Function<Context, Context> UNCHANGED = Function.identity();

    private ReactorContextAnchor() {
    }

    @Component
    static final class AfterTheWebFilters implements WebFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return chain.filter(exchange).contextWrite(UNCHANGED);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    @Component
    static final class BeforeTheRouting implements GlobalFilter, Ordered {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            return chain.filter(exchange).contextWrite(UNCHANGED);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
