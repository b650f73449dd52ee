package cn.mubiao.gateway.edge;

import cn.mubiao.gateway.FilterSequence;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.WebFilter;

import java.util.List;

/**
 * The gateway's web filters run one after another without a Reactor checkpoint around each (Spring Security's
 * inside them likewise: {@code security.PlainSecurityChains}).
 *
 * <p>Spring's {@code DefaultWebFilterChain} wraps every filter's answer in {@code checkpoint(filter.toString())}: a
 * string built and an operator subscribed per filter and call, for a line in the trace of an error. A bearer call
 * passes about fifteen filters (the gateway's own, then Spring Security's chain); the checkpoints cost about 3% of
 * the gateway's CPU per routed call, and each is one more subscriber that every look-up of the Reactor context walks
 * past (infra/bench/gateway-overhead, flight recording). Here the same filters, in the same order, each deferred
 * until subscribed as before, make a {@link FilterSequence}, one filter of the web handler.
 */
@Configuration(proxyBeanMethods = false)
class PlainFilterChains {

    /** The application's web filters, already in their order, as one. */
    @Bean
    WebHttpHandlerBuilderCustomizer webFiltersInOneSequence() {
        return builder -> builder.filters(filters -> {
            if (filters.size() > 1) {
                List<WebFilter> inOrder = List.copyOf(filters);
                filters.clear();
                filters.add((exchange, chain) -> FilterSequence.of(inOrder, chain).filter(exchange));
            }
        });
    }
}
