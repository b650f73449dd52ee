package cn.mubiao.gateway;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import reactor.netty.http.server.HttpServerRequest;

/** The Reactor Netty request behind a Spring request, through its decorators and mutations. */
public final class NettyRequest {

    private NettyRequest() {
    }

    /** Reactor Netty's request (also the inbound {@code Connection}); null for one Reactor Netty did not serve. */
    public static HttpServerRequest of(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request) instanceof HttpServerRequest netty ? netty : null;
        } catch (IllegalArgumentException | IllegalStateException noServerBehind) { // a decorator of its own, a mock
            return null;
        }
    }
}
