package cn.mubiao.gateway.routing;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A service's answer of known and small length goes to the caller in one write, headers and body together.
 *
 * <p>Spring Cloud Gateway passes the body on as a stream, and Reactor Netty sends a streamed answer's headers in a
 * write of their own before the body: two system calls and two TCP segments for what came from the service as one,
 * and a caller that may wake up twice to read it ({@code infra/bench/gateway-overhead} counts the gateway's writes
 * per call). An answer with a {@code Content-Length} of at most {@link #MAX_JOINED} bytes is gathered first (it
 * came in one or a few reads anyway) and sent whole; longer, chunked and streamed answers pass as before.
 */
@Component
class WholeSmallAnswers implements GlobalFilter, Ordered {

    /** Gathered up to this length; above it the answer streams through as it arrives. */
    static final long MAX_JOINED = 64 * 1024;

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1; // around the filter that writes the answer
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new Joining(exchange.getResponse())).build());
    }

    static final class Joining extends ServerHttpResponseDecorator {

        Joining(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (body instanceof Mono) {
                return super.writeWith(body);
            }
            long length = getHeaders().getContentLength();
            if (length <= 0 || length > MAX_JOINED) {
                return super.writeWith(body);
            }
            return super.writeWith(DataBufferUtils.join(body));
        }
    }
}
