package cn.mubiao.gateway.routing;

import cn.mubiao.gateway.Problems;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import java.net.InetSocketAddress;
import java.net.URI;

/**
 * What the gateway tells a service about a routed call, all in the one copy of the request's headers that routing
 * makes anyway: {@code X-Forwarded-For}, the caller's address as the connection shows it (the services' audit log
 * records it); {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}, the scheme and host the caller used (DHIS2's
 * {@code system/info} answers with that base URL); {@code X-Request-Id}, the call's id ({@code edge.RequestIdFilter}).
 * Runs after the gateway's removal of whatever a client sent as {@code Forwarded} or {@code X-Forwarded-*}
 * ({@link LeanHeaderFilters}), so the values are only ever the gateway's own. Spring Cloud Gateway's
 * forwarded-headers filter made a copy of its own for the first three, and the trusted-proxies setting it needs
 * had Reactor Netty parse a client's forwarded headers on every request too.
 */
@Component
class RoutedHeaders implements HttpHeadersFilter, Ordered {

    /** After the gateway's forwarded-header removal (order 0), before its hop-by-hop filter (the last). */
    static final int ORDER = 1;

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders relayed = HttpHeaders.copyOf(input);
        InetSocketAddress caller = request.getRemoteAddress();
        if (caller != null) {
            relayed.set(XForwardedHeadersFilter.X_FORWARDED_FOR_HEADER, caller.getAddress() != null ? caller.getAddress().getHostAddress()
                    : caller.getHostString());
        }
        URI uri = request.getURI();
        relayed.set(XForwardedHeadersFilter.X_FORWARDED_PROTO_HEADER, uri.getScheme());
        String host = input.getFirst(HttpHeaders.HOST);
        if (host != null) {
            relayed.set(XForwardedHeadersFilter.X_FORWARDED_HOST_HEADER, host);
        }
        String requestId = exchange.getAttribute(Problems.REQUEST_ID_ATTRIBUTE);
        if (requestId != null) {
            relayed.set(Problems.REQUEST_ID_HEADER, requestId);
        }
        return relayed;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
