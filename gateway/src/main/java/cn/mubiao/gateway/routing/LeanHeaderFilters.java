package cn.mubiao.gateway.routing;

import cn.mubiao.gateway.SentHeaderNames;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.headers.ForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's header filters that remove headers, minus their copy of every header when there is
 * nothing to remove. Each of them copies every header of every routed request (the hop-by-hop filter: of every
 * response too) into a new case-insensitive map, even when none of the headers it removes is there — most calls:
 * <ul>
 * <li>hop-by-hop headers ({@code Connection}, {@code Transfer-Encoding} and the like, and what {@code Connection}
 * names) are rare on a keep-alive request, and the services send none on a short answer; that copy was 5% of the
 * gateway's CPU per call (infra/bench/gateway-overhead);</li>
 * <li>{@code X-Forwarded-*} and {@code Forwarded}, which a client may send but nobody may plant (the services' audit
 * log records the caller's address): dropped before the gateway's own values are added ({@link RoutedHeaders}).</li>
 * </ul>
 * When one of them is there, the gateway's own filter runs unchanged. Replaces the gateway's beans in place, same
 * settings and order.
 */
@Component
class LeanHeaderFilters implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RemoveHopByHopHeadersFilter gateways && !(bean instanceof CopyOnlyWhenNeeded)) {
            CopyOnlyWhenNeeded lean = new CopyOnlyWhenNeeded();
            lean.setHeaders(gateways.getHeaders());
            lean.setOrder(gateways.getOrder());
            return lean;
        }
        if (bean instanceof RemoveXForwardedHeadersFilter && !(bean instanceof XForwardedOnlyWhenSent)) {
            return new XForwardedOnlyWhenSent();
        }
        if (bean instanceof RemoveForwardedHeadersFilter && !(bean instanceof ForwardedOnlyWhenSent)) {
            return new ForwardedOnlyWhenSent();
        }
        return bean;
    }

    /**
     * Whether the client sent any header named {@code X-Forwarded-…} (any case), as the gateway's filter matches
     * them: only a client can have sent one before routing.
     */
    static boolean anyXForwarded(ServerWebExchange exchange) {
        for (String name : SentHeaderNames.of(exchange.getRequest())) {
            if (name.regionMatches(true, 0, "x-forwarded", 0, "x-forwarded".length())) {
                return true;
            }
        }
        return false;
    }

    /** The hop-by-hop filter (its name as before: {@code GatewayEdgeTest} looks for it). */
    static final class CopyOnlyWhenNeeded extends RemoveHopByHopHeadersFilter {
        @Override
        public HttpHeaders filter(HttpHeaders original, ServerWebExchange exchange) {
            for (String hopByHop : getHeaders()) { // connection among them: what it names is removed then too
                if (original.containsHeader(hopByHop)) {
                    return super.filter(original, exchange);
                }
            }
            return original;
        }
    }

    static final class XForwardedOnlyWhenSent extends RemoveXForwardedHeadersFilter {
        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            return anyXForwarded(exchange) ? super.filter(input, exchange) : input;
        }
    }

    static final class ForwardedOnlyWhenSent extends RemoveForwardedHeadersFilter {
        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            return input.containsHeader(ForwardedHeadersFilter.FORWARDED_HEADER) ? super.filter(input, exchange) : input;
        }
    }
}
