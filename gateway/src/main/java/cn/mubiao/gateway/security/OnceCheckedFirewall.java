package cn.mubiao.gateway.security;

import cn.mubiao.gateway.SentHeaderNames;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Security's strict firewall with all its checks made once, as a request comes in. The strict firewall
 * checks the method, path and host at once, but a header or query parameter only when something reads it, through
 * wrappers it makes anew on every {@code getRequest()} and {@code getHeaders()} of the exchange it hands on: the
 * gateway's filters, security and routing read the request dozens of times per call, and those wrappers and
 * repeated checks were 4% of the gateway's CPU per routed call (flight recording of
 * {@code infra/bench/gateway-overhead}). Here every header name and value and every query parameter goes through
 * the strict firewall's own checks before anything else runs (a header nobody reads included, which the strict
 * firewall alone would let through to a service), and the request then goes on as it came. A rejected request
 * gets the strict firewall's rejection, handled as before.
 */
final class OnceCheckedFirewall implements ServerWebExchangeFirewall {

    private final StrictServerWebExchangeFirewall strict;

    OnceCheckedFirewall(StrictServerWebExchangeFirewall strict) {
        this.strict = strict;
    }

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        return strict.getFirewalledExchange(exchange).map(checking -> {
            ServerHttpRequest request = checking.getRequest();
            HttpHeaders headers = request.getHeaders();
            for (String name : SentHeaderNames.of(request)) {
                headers.get(name); // the name checked, and each of its values
            }
            request.getQueryParams(); // each parameter name and value checked
            return exchange;
        });
    }
}
