package cn.mubiao.gateway.edge;

import cn.mubiao.gateway.FilterSequence;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import org.springframework.web.server.handler.DefaultWebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainFilterChainsTest {

    final List<String> ran = new CopyOnWriteArrayList<>();
    final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/targets/a"));
    final WebFilterChain handler = e -> Mono.fromRunnable(() -> ran.add("handler"));

    WebFilter recording(String name) {
        return (e, chain) -> {
            ran.add(name);
            return chain.filter(e);
        };
    }

    /** What Reactor's checkpoints attached to an error: the sites it passed, as text. */
    static List<String> checkpoints(Throwable e) {
        return java.util.Arrays.stream(e.getSuppressed()).map(Throwable::toString)
                .filter(s -> s.contains("checkpoint")).toList();
    }

    @Test
    void filtersRunInTheirOrderOnceEachThenTheRestOfTheCall() {
        FilterSequence.of(List.of(recording("a"), recording("b"), recording("c")), handler)
                .filter(exchange).block();

        assertThat(ran).containsExactly("a", "b", "c", "handler");
    }

    @Test
    void aFilterRunsOnlyWhenItsPartOfTheCallIsSubscribed() {
        Mono<Void> call = FilterSequence.of(List.of(recording("a")), handler).filter(exchange);
        assertThat(ran).isEmpty();

        call.block();
        assertThat(ran).containsExactly("a", "handler");
    }

    @Test
    void anErrorPassesWithoutACheckpointPerFilterWhereSpringsChainAddsOne() {
        List<WebFilter> filters = List.of(recording("a"), (e, chain) -> Mono.error(new IllegalStateException("x")));

        assertThatThrownBy(() -> FilterSequence.of(filters, handler).filter(exchange).block())
                .isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(checkpoints(e)).isEmpty());
        assertThatThrownBy(() -> new DefaultWebFilterChain(handler::filter, filters).filter(exchange).block())
                .satisfies(e -> assertThat(checkpoints(e)).isNotEmpty());
    }

    @Test
    void theApplicationsWebFiltersBecomeOneSequenceInTheirOrder() {
        WebHttpHandlerBuilder builder = WebHttpHandlerBuilder.webHandler(e -> Mono.fromRunnable(() -> ran.add("handler")))
                .filter(recording("request id"), recording("security headers"), recording("security"));

        new PlainFilterChains().webFiltersInOneSequence().customize(builder);

        builder.filters(filters -> assertThat(filters).hasSize(1));
        builder.build().handle(MockServerHttpRequest.get("/").build(), new MockServerHttpResponse()).block();
        assertThat(ran).containsExactly("request id", "security headers", "security", "handler");
    }
}
