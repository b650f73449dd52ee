package cn.mubiao.gateway;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Filter {@code index} of {@code filters}, given the rest as its chain; past the last, {@code then}. What Spring's
 * {@code DefaultWebFilterChain} does, a filter called only when its part of the call is subscribed, without the
 * Reactor checkpoint that class puts around every filter's answer (a string and an operator per filter and call,
 * docs/adr/0019).
 */
public record FilterSequence(List<WebFilter> filters, int index, WebFilterChain then) implements WebFilterChain {

    /** The filters in their order, then {@code then}. */
    public static FilterSequence of(List<WebFilter> filters, WebFilterChain then) {
        return new FilterSequence(filters, 0, then);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange) {
        return Mono.defer(() -> index < filters.size()
                ? filters.get(index).filter(exchange, new FilterSequence(filters, index + 1, then))
                : then.filter(exchange));
    }
}
