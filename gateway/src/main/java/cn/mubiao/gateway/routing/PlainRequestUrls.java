package cn.mubiao.gateway.routing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * The URL a routed call goes to, made as a string from the route's scheme, host and port and the request's raw
 * path and query: Spring Cloud Gateway's filter builds it through Spring's {@code UriComponentsBuilder} (and checks
 * the route's URI with a regular expression) on every call, 2.4% of the gateway's CPU per routed call in a flight
 * recording of {@code infra/bench/gateway-overhead}. The URL is the same ({@code PlainRequestUrlsTest} compares both
 * on paths and queries with escapes, non-ASCII text and none). A route whose URI is not plain {@code http} or
 * {@code https} with a host (a load-balanced {@code lb:} route, a scheme within a scheme) goes through the gateway's
 * own filter. Replaces the gateway's {@code routeToRequestUrlFilter} bean in place, same order.
 */
@Component
class PlainRequestUrls implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RouteToRequestUrlFilter && !(bean instanceof Filter)) {
            return new Filter();
        }
        return bean;
    }

    static final class Filter extends RouteToRequestUrlFilter {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
            URI url = route == null ? null : routed(exchange.getRequest().getURI(), route.getUri());
            if (url == null) {
                return super.filter(exchange, chain);
            }
            exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, url);
            return chain.filter(exchange);
        }

        /** The request's path and query at the route's scheme, host and port; null for a route that is not plain. */
        static URI routed(URI request, URI route) {
            String scheme = route.getScheme();
            String host = route.getHost();
            if (host == null || !SameLoopRouting.http(scheme)) {
                return null;
            }
            StringBuilder url = new StringBuilder(96).append(scheme).append("://").append(host);
            if (route.getPort() != -1) {
                url.append(':').append(route.getPort());
            }
            String path = request.getRawPath();
            if (path != null) {
                url.append(path);
            }
            if (request.getRawQuery() != null) {
                url.append('?').append(request.getRawQuery());
            }
            return URI.create(url.toString());
        }
    }
}
