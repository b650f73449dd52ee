package cn.mubiao.gateway.security;

import cn.mubiao.gateway.FilterSequence;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.HttpStatusExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Objects;

/**
 * Spring Security's entry filter, choosing the security chain of a call in plain steps: the firewall, then each
 * chain's matcher in order until one matches, then that chain's filters ({@link FilterSequence}); no chain matching,
 * the call goes on; a request the firewall refuses gets the refusal handler's answer. What
 * {@link WebFilterChainProxy} does, without its operators per call: it streams the chains through
 * {@code filterWhen}, whose discard hook looks up the Reactor context for every chain it drops, and collects the
 * matching chain's filters into a new list on every call (together about 4% of the gateway's CPU per routed call,
 * infra/bench/gateway-overhead). The chains' filters are read once: a chain built by {@code ServerHttpSecurity}
 * has a fixed list.
 */
final class PlainSecurityChains extends WebFilterChainProxy {

    private final List<SecurityWebFilterChain> chains;
    private final List<List<WebFilter>> filters;
    private final ServerWebExchangeFirewall firewall;
    private final ServerExchangeRejectedHandler refusals;

    PlainSecurityChains(List<SecurityWebFilterChain> chains, ServerWebExchangeFirewall firewall,
                        ServerExchangeRejectedHandler refusals) {
        super(chains);
        this.chains = List.copyOf(chains);
        this.filters = chains.stream().map(c -> List.copyOf(Objects.requireNonNull(c.getWebFilters().collectList().block())))
                .toList();
        this.firewall = firewall;
        this.refusals = refusals;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return firewall.getFirewalledExchange(exchange)
                .flatMap(checked -> firstMatching(checked, chain, 0))
                .onErrorResume(ServerExchangeRejectedException.class,
                        refused -> refusals.handle(exchange, refused).then(Mono.empty()));
    }

    private Mono<Void> firstMatching(ServerWebExchange exchange, WebFilterChain chain, int i) {
        if (i == chains.size()) {
            return chain.filter(exchange);
        }
        return chains.get(i).matches(exchange).flatMap(match -> match
                ? FilterSequence.of(filters.get(i), chain).filter(exchange)
                : firstMatching(exchange, chain, i + 1));
    }

    /**
     * Puts {@link PlainSecurityChains} in the place of Spring Security's proxy bean, with what that bean would use:
     * the security chains in their order, the firewall bean (else the strict firewall), the refusal handler bean
     * (else a 400).
     */
    @Component
    static final class InPlaceOfTheProxy implements BeanPostProcessor {

        private final ObjectProvider<SecurityWebFilterChain> chains;
        private final ObjectProvider<ServerWebExchangeFirewall> firewall;
        private final ObjectProvider<ServerExchangeRejectedHandler> refusals;

        InPlaceOfTheProxy(ObjectProvider<SecurityWebFilterChain> chains, ObjectProvider<ServerWebExchangeFirewall> firewall,
                          ObjectProvider<ServerExchangeRejectedHandler> refusals) {
            this.chains = chains;
            this.firewall = firewall;
            this.refusals = refusals;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof WebFilterChainProxy && !(bean instanceof PlainSecurityChains)) {
                return new PlainSecurityChains(chains.orderedStream().toList(),
                        firewall.getIfUnique(StrictServerWebExchangeFirewall::new),
                        refusals.getIfUnique(HttpStatusExchangeRejectedHandler::new));
            }
            return bean;
        }
    }
}
