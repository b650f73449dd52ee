package cn.mubiao.gateway.security;

import cn.mubiao.gateway.ReactorNetty;
import cn.mubiao.gateway.SentHeaderNames;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
 *
 * <p>The answer's headers get the strict firewall's one check of them, no CR or LF in a name or value, as the
 * answer is committed, made over Reactor Netty's own headers: the strict firewall's copied every header name into
 * a new case-insensitive set first (4.7% of the gateway's CPU per routed call, same recording). Netty itself refuses
 * a CR or LF in any header the gateway's server sets; the check stays as the strict firewall's second line.
 */
final class OnceCheckedFirewall implements ServerWebExchangeFirewall {

    private final StrictServerWebExchangeFirewall strict;

    OnceCheckedFirewall(StrictServerWebExchangeFirewall strict) {
        this.strict = strict;
    }

    @Override
    public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
        return strict.getFirewalledExchange(new AnswerCheckedHere(exchange)).map(checking -> {
            ServerHttpRequest request = checking.getRequest();
            HttpHeaders headers = request.getHeaders();
            for (String name : SentHeaderNames.of(request)) {
                headers.get(name); // the name checked, and each of its values
            }
            request.getQueryParams(); // each parameter name and value checked
            ServerHttpResponse response = exchange.getResponse();
            response.beforeCommit(() -> noLineBreaks(response));
            return exchange;
        });
    }

    /** The strict firewall's check of an answer's headers: neither a name nor a value with a CR or LF. */
    static Mono<Void> noLineBreaks(ServerHttpResponse response) {
        HttpServerResponse netty = ReactorNetty.response(response);
        if (netty != null) {
            Iterator<Map.Entry<CharSequence, CharSequence>> each = netty.responseHeaders().iteratorCharSequence();
            while (each.hasNext()) {
                Map.Entry<CharSequence, CharSequence> header = each.next();
                if (lineBreak(header.getKey()) || lineBreak(header.getValue())) {
                    return refused(header.getKey());
                }
            }
            return Mono.empty();
        }
        for (Map.Entry<String, List<String>> header : response.getHeaders().headerSet()) {
            if (lineBreak(header.getKey()) || header.getValue().stream().anyMatch(OnceCheckedFirewall::lineBreak)) {
                return refused(header.getKey());
            }
        }
        return Mono.empty();
    }

    private static Mono<Void> refused(CharSequence name) {
        return Mono.error(new IllegalArgumentException("Invalid characters (CR/LF) in header " + name));
    }

    private static boolean lineBreak(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * The exchange as the strict firewall sees it: its answer takes no commit action, since the only one the
     * strict firewall adds is the header check made here ({@code OnceCheckedFirewallTest} holds it to that).
     */
    static final class AnswerCheckedHere extends ServerWebExchangeDecorator {

        private final ServerHttpResponse response;

        AnswerCheckedHere(ServerWebExchange exchange) {
            super(exchange);
            this.response = new ServerHttpResponseDecorator(exchange.getResponse()) {
                @Override
                public void beforeCommit(Supplier<? extends Mono<Void>> action) {
                    // the strict firewall's check of the answer's headers: noLineBreaks instead
                }
            };
        }

        @Override
        public ServerHttpResponse getResponse() {
            return response;
        }
    }
}
