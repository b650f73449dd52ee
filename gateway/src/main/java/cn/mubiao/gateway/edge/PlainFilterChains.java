package cn.mubiao.gateway.edge;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The gateway's web filters, and Spring Security's inside them, run one after another without a Reactor checkpoint
 * around each.
 *
 * <p>Spring's {@code DefaultWebFilterChain} wraps every filter's answer in {@code checkpoint(filter.toString())}: a
 * string built and an operator subscribed per filter and call, for a line in the trace of an error. A bearer call
 * passes about fifteen filters (the gateway's own, then Spring Security's chain); the checkpoints cost about 3% of
 * the gateway's CPU per routed call, and each is one more subscriber that every look-up of the Reactor context walks
 * past (infra/bench/gateway-overhead, flight recording). Here the same filters, in the same order, each deferred
 * until subscribed as before, make a {@link Sequence}: the gateway's web filters as one filter of the web handler,
 * Spring Security's through its chain decorator.
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
                filters.add((exchange, chain) -> new Sequence(inOrder, 0, chain).filter(exchange));
            }
        });
    }

    /** Spring Security's filters of the chain that matched, as a sequence too. */
    @Bean
    static BeanPostProcessor securityFiltersInSequence() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setFilterChainDecorator(new WebFilterChainProxy.WebFilterChainDecorator() {
                        @Override
                        public WebFilterChain decorate(WebFilterChain original) {
                            return original;
                        }

                        @Override
                        public WebFilterChain decorate(WebFilterChain original, List<WebFilter> filters) {
                            return new Sequence(filters, 0, original);
                        }
                    });
                }
                return bean;
            }
        };
    }

    /**
     * Filter {@code index} of {@code filters}, given the rest as its chain; past the last, {@code then}. Like
     * {@code DefaultWebFilterChain}, a filter is called only when its part of the call is subscribed.
     */
    record Sequence(List<WebFilter> filters, int index, WebFilterChain then) implements WebFilterChain {
        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            return Mono.defer(() -> index < filters.size()
                    ? filters.get(index).filter(exchange, new Sequence(filters, index + 1, then))
                    : then.filter(exchange));
        }
    }
}
