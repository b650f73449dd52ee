package cn.mubiao.gateway.routing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's hop-by-hop filter, minus its copy when there is nothing to remove: the gateway's filter
 * copies every header of every routed request and response into a new case-insensitive map, even when none of
 * them is hop-by-hop — most calls, since a client's {@code Connection}, {@code Transfer-Encoding} and the like are
 * rare on a keep-alive request and the services send none of them on a short answer. That copy was 5% of the
 * gateway's CPU per call (infra/bench/gateway-overhead). When any of the headers is there (or {@code Connection}
 * names more), the gateway's own filter runs unchanged. Replaces the gateway's bean in place, same name and settings.
 */
@Component
class HopByHopHeaders implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RemoveHopByHopHeadersFilter gateways && !(bean instanceof CopyOnlyWhenNeeded)) {
            CopyOnlyWhenNeeded lean = new CopyOnlyWhenNeeded();
            lean.setHeaders(gateways.getHeaders());
            lean.setOrder(gateways.getOrder());
            return lean;
        }
        return bean;
    }

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
}
