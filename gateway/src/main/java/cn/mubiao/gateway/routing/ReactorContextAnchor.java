package cn.mubiao.gateway.routing;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.function.Function;

/**
 * First of the routing filters: keeps the Reactor context of a routed call where the routing's operators find it at
 * once. Each operator subscribed while a call is routed (the HTTP client's connect, retry and timeout, the pool,
 * the response's write) asks its subscriber for the context, and each subscriber asks the next, down through every
 * web filter and security filter of the request until one holds a context of its own: these walks
 * ({@code InnerOperator.currentContext}) were 8% of the gateway's CPU per routed call in a flight recording of
 * {@code infra/bench/gateway-overhead}. A context write that leaves the context as it is holds it right below the
 * routing. What anything reads from the context is unchanged.
 */
@Component
class ReactorContextAnchor implements GlobalFilter, Ordered {

    private static final Function<Context, Context> UNCHANGED = Function.identity();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).contextWrite(UNCHANGED);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
