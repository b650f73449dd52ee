package cn.mubiao.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The gateway is the edge: whatever a client sent as {@code Forwarded} or {@code X-Forwarded-*} is dropped before
 * routing, so the headers the services get are only those Spring Cloud Gateway's forwarded-headers filters add from
 * the connection ({@code trusted-proxies} in application.yml): {@code X-Forwarded-For} is the caller's address (the
 * services' audit log records it), {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} the scheme and host the
 * caller used (DHIS2's {@code system/info} answers with that base URL). Nobody can plant an address in the audit log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ForwardedFilter implements WebFilter {

    private static final List<String> FORWARDED = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders sent = exchange.getRequest().getHeaders();
        if (FORWARDED.stream().noneMatch(sent::containsHeader)) {
            return chain.filter(exchange); // the usual call: nothing to drop, no copy of the request
        }
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> FORWARDED.forEach(h::remove)).build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
