package cn.mubiao.gateway;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/** The Reactor Netty request and response behind Spring's, through their decorators and mutations. */
public final class ReactorNetty {

    private ReactorNetty() {
    }

    /** Reactor Netty's request (also the inbound {@code Connection}); null for one Reactor Netty did not serve. */
    public static HttpServerRequest request(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest netty ? netty : null;
        } catch (IllegalArgumentException | IllegalStateException noServerBehind) { // a decorator of its own, a mock
            return null;
        }
    }

    /** Reactor Netty's response; null for one Reactor Netty does not serve. */
    public static HttpServerResponse response(ServerHttpResponse response) {
        try {
            return ServerHttpResponseDecorator.getNativeResponse(response) instanceof HttpServerResponse netty
                    ? netty : null;
        } catch (IllegalArgumentException | IllegalStateException noServerBehind) { // a decorator of its own, a mock
            return null;
        }
    }
}
