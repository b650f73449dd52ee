package cn.mubiao.gateway.edge;

import cn.mubiao.gateway.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses bodies above {@code mubiao.gateway.max-request-size} with a 413 problem: at once when the
 * {@code Content-Length} says so, else (chunked) as soon as the bytes read pass the limit. The limit is the
 * client's fault (a 4xx), so a route's circuit breaker does not count it against the service.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
@EnableConfigurationProperties(EdgeProperties.class)
class RequestSizeFilter implements WebFilter {

    private final long max;

    RequestSizeFilter(EdgeProperties properties) {
        this.max = properties.maxRequestSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > max) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange); // its length is known, or it has no body (RFC 9112 §6.3)
        }
        AtomicLong read = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > max) {
                        DataBufferUtils.release(buffer);
                        sink.error(new TooLarge());
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(e -> causedByTooLarge(e) || read.get() > max, e -> tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "请求体过大 / Content too large",
                "请求体超过 %d 字节的上限 / the request body is larger than the limit of %d bytes".formatted(max, max),
                Map.of("maxBytes", max));
    }

    static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** The body passed the limit while it was read. */
    static final class TooLarge extends ResponseStatusException {
        TooLarge() {
            super(HttpStatus.CONTENT_TOO_LARGE, "request body too large");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
