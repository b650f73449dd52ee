package cn.mubiao.gateway;

import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.netty.http.server.HttpServerRequest;


/**
 * The names of the headers a client sent, read from Reactor Netty's own headers: Spring's {@code headerNames()}
 * builds a case-insensitive set of them on every call (lower-casing each name), which the gateway's once-per-call
 * checks would pay for on every routed call; Netty's set costs no case conversion. A request that did not come
 * over Reactor Netty (a test's mock) is read through Spring's headers.
 */
public final class SentHeaderNames {

    private SentHeaderNames() {
    }

    public static Iterable<String> of(ServerHttpRequest request) {
        HttpServerRequest netty = ReactorNetty.request(request);
        return netty != null ? netty.requestHeaders().names() : request.getHeaders().headerNames();
    }
}
