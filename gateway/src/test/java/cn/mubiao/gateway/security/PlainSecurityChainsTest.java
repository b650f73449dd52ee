package cn.mubiao.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.firewall.HttpStatusExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Security's entry filter in plain steps: the same chain chosen, the same refusals, as its own proxy. */
class PlainSecurityChainsTest {

    final List<String> ran = new CopyOnWriteArrayList<>();
    final WebFilterChain rest = e -> Mono.fromRunnable(() -> ran.add("rest of the call"));

    WebFilter recording(String name) {
        return (e, chain) -> {
            ran.add(name);
            return chain.filter(e);
        };
    }

    static final ServerWebExchangeMatcher BEARER = e -> e.getRequest().getHeaders().containsHeader("Authorization")
            ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();

    final List<SecurityWebFilterChain> chains = List.of(
            new MatcherSecurityWebFilterChain(BEARER, List.of(recording("bearer authentication"), recording("bearer authorization"))),
            new MatcherSecurityWebFilterChain(ServerWebExchangeMatchers.pathMatchers("/me/**"), List.of(recording("session"))));

    final PlainSecurityChains plain = new PlainSecurityChains(chains, new StrictServerWebExchangeFirewall(),
            new HttpStatusExchangeRejectedHandler());

    @Test
    void theFirstMatchingChainsFiltersRunInTheirOrderThenTheRestOfTheCall() {
        plain.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/me/x").header("Authorization", "Bearer t")), rest)
                .block();

        assertThat(ran).containsExactly("bearer authentication", "bearer authorization", "rest of the call");
    }

    @Test
    void aLaterChainRunsWhenTheEarlierOnesDoNotMatch() {
        plain.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/me/x")), rest).block();

        assertThat(ran).containsExactly("session", "rest of the call");
    }

    @Test
    void noChainMatchingTheCallGoesOnAsSpringSecuritysProxyLetsIt() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/other"));
        plain.filter(exchange, rest).block();
        List<String> plainRan = List.copyOf(ran);
        ran.clear();
        new WebFilterChainProxy(chains).filter(MockServerWebExchange.from(MockServerHttpRequest.get("/other")), rest).block();

        assertThat(plainRan).containsExactly("rest of the call").isEqualTo(ran);
    }

    @Test
    void aRequestTheFirewallRefusesGetsTheRefusalAndGoesNoFurther() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/me/%2e%2e/admin"));

        plain.filter(exchange, rest).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(ran).isEmpty();
    }

    @Test
    void springSecuritysProxyBeanIsReplacedWithTheChainsInTheirOrderAndTheFirewallBean() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("bearerChain", chains.get(0));
        beans.registerSingleton("sessionChain", chains.get(1));
        RootBeanDefinition firewall = new RootBeanDefinition(StrictServerWebExchangeFirewall.class);
        beans.registerBeanDefinition("firewall", firewall);
        var replacer = new PlainSecurityChains.InPlaceOfTheProxy(beans.getBeanProvider(SecurityWebFilterChain.class),
                beans.getBeanProvider(org.springframework.security.web.server.firewall.ServerWebExchangeFirewall.class),
                beans.getBeanProvider(org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler.class));

        Object replaced = replacer.postProcessAfterInitialization(new WebFilterChainProxy(chains), "springSecurityWebFilterChainFilter");

        assertThat(replaced).isInstanceOf(PlainSecurityChains.class);
        ((WebFilter) replaced).filter(MockServerWebExchange.from(MockServerHttpRequest.get("/me/x")), rest).block();
        assertThat(ran).containsExactly("session", "rest of the call");
        assertThat(replacer.postProcessAfterInitialization(replaced, "again")).isSameAs(replaced);
    }
}
