package cn.mubiao.gateway.routing;

import cn.mubiao.gateway.SentHeaderNames;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveXForwardedHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's two filters that drop what a client sent as {@code Forwarded} and {@code X-Forwarded-*}
 * before a call is routed (so nobody can plant an address in a service's audit log), minus their copy of every
 * header when there is nothing to drop: the usual call carries none of them. When one is there, the gateway's own
 * filter runs unchanged. Replaces the gateway's beans in place, like {@link HopByHopHeaders}; what the gateway then
 * tells the service about the call is added by {@link RoutedHeaders}, after them.
 */
@Component
class ForwardedHeaderRemoval implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
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

    static final class XForwardedOnlyWhenSent extends RemoveXForwardedHeadersFilter {
        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            return anyXForwarded(exchange) ? super.filter(input, exchange) : input;
        }
    }

    static final class ForwardedOnlyWhenSent extends RemoveForwardedHeadersFilter {
        @Override
        public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
            return input.containsHeader(RoutedHeaders.FORWARDED) ? super.filter(input, exchange) : input;
        }
    }
}
