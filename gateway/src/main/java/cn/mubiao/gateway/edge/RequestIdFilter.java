package cn.mubiao.gateway.edge;

import cn.mubiao.contracts.http.HttpSyntax;
import cn.mubiao.gateway.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * First of all filters: takes a well-formed incoming {@code X-Request-Id} (letters, digits and {@code . _ : -},
 * 1 to 128 characters, the services' rule) or makes a UUID, keeps it as an exchange attribute for the routed call
 * ({@code routing.RoutedHeaders} passes it to the service) and returns it on every response, problems and fallbacks
 * included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = idOf(exchange.getRequest().getHeaders().getFirst(Problems.REQUEST_ID_HEADER));
        exchange.getAttributes().put(Problems.REQUEST_ID_ATTRIBUTE, id);
        exchange.getAttributes().put(Problems.REQUEST_PATH_ATTRIBUTE, exchange.getRequest().getPath().value());
        exchange.getResponse().getHeaders().set(Problems.REQUEST_ID_HEADER, id);
        // the service echoes it too: keep exactly one value
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(Problems.REQUEST_ID_HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static String idOf(String incoming) {
        return HttpSyntax.requestId(incoming) ? incoming : fresh();
    }

    /**
     * A random UUID (version 4 layout) from the thread's own generator: a request id needs to be unique, not
     * unguessable, and {@code UUID.randomUUID()} draws from the shared SecureRandom on every request.
     */
    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
