package cn.mubiao.gateway.routing;

import cn.mubiao.gateway.NettyRequest;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A routed call goes out over a pooled connection of the event loop its request came in on.
 *
 * <p>Spring Cloud Gateway's routing filter takes any idle connection of one pool shared by all of Reactor Netty's
 * event loops: with several loops, most calls handed their request to another loop's thread and that thread handed
 * the answer back (two task hand-offs per call, each a queue entry and often a wake-up of a sleeping thread). Here
 * each loop has its own pool (Reactor Netty keys pools by the client's loop resources), whose connections live on
 * that loop, so a call is read, sent, answered and written by one thread. The route's connect timeout is set once
 * per loop and route rather than copied into a new client configuration on every call.
 *
 * <p>Replaces the gateway's {@code routingFilter} bean in place (same order); everything else (headers, the response
 * timeout, errors, the response writing) is Spring Cloud Gateway's own.
 */
@Component
class SameLoopRouting implements BeanPostProcessor {

    private final ObjectProvider<HttpClient> httpClient;
    private final ObjectProvider<List<HttpHeadersFilter>> headersFilters;
    private final ObjectProvider<HttpClientProperties> properties;

    SameLoopRouting(ObjectProvider<HttpClient> httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
                    ObjectProvider<HttpClientProperties> properties) {
        this.httpClient = httpClient;
        this.headersFilters = headersFilters;
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof NettyRoutingFilter && !(bean instanceof Filter)) {
            return new Filter(httpClient.getObject(), headersFilters, properties.getObject());
        }
        return bean;
    }

    static final class Filter extends NettyRoutingFilter {

        private final HttpClient shared;
        private final Integer defaultConnectTimeout;
        private final Map<EventLoop, Map<Integer, HttpClient>> byLoop = new ConcurrentHashMap<>();

        Filter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
               HttpClientProperties properties) {
            super(httpClient, headersFilters, properties);
            this.shared = httpClient;
            this.defaultConnectTimeout = properties.getConnectTimeout();
        }

        @Override
        protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
            EventLoop loop = loopOf(exchange);
            if (loop == null) {
                return super.getHttpClient(route, exchange);
            }
            Integer connectTimeout = connectTimeout(route);
            return byLoop.computeIfAbsent(loop, l -> new ConcurrentHashMap<>())
                    .computeIfAbsent(connectTimeout == null ? -1 : connectTimeout,
                            ms -> forLoop(loop, ms < 0 ? null : ms));
        }

        /** The client whose connections are opened on, and pooled for, this loop alone. */
        private HttpClient forLoop(EventLoop loop, Integer connectTimeout) {
            HttpClient client = shared.runOn(new OneLoop(loop));
            return connectTimeout == null ? client : client.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeout);
        }

        private Integer connectTimeout(Route route) {
            Object value = route.getMetadata().get(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR);
            if (value == null) {
                return defaultConnectTimeout;
            }
            return value instanceof Number n ? Integer.valueOf(n.intValue()) : Integer.valueOf(value.toString());
        }

        /** The event loop of the connection the request came in on; none for a request not served by Netty. */
        static EventLoop loopOf(ServerWebExchange exchange) {
            return NettyRequest.of(exchange.getRequest()) instanceof Connection connection
                    ? connection.channel().eventLoop() : null;
        }
    }

    /**
     * Loop resources of exactly one of the server's event loops, for a client: its connections are registered on
     * that loop. Never disposes it (the server owns it).
     */
    record OneLoop(EventLoop loop) implements LoopResources {

        @Override
        public EventLoopGroup onServer(boolean useNative) { // a client asks onClient, which defaults to this
            return loop;
        }
    }
}
