package cn.mubiao.gateway.routing;

import cn.mubiao.gateway.ReactorNetty;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.LoopResources;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.PRESERVE_HOST_HEADER_ATTRIBUTE;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

/**
 * The gateway's routing step: a routed call goes out over a pooled connection of the event loop its request came in
 * on, and the service's answer is handed to the caller's response header for header, without the copies in between.
 *
 * <p>Spring Cloud Gateway's routing filter takes any idle connection of one pool shared by all of Reactor Netty's
 * event loops: with several loops, most calls handed their request to another loop's thread and that thread handed
 * the answer back (two task hand-offs per call, each a queue entry and often a wake-up of a sleeping thread). Here
 * each loop has its own pool (Reactor Netty keys pools by the client's loop resources), whose connections live on
 * that loop, so a call is read, sent, answered and written by one thread. The route's connect timeout is set once
 * per loop and route rather than copied into a new client configuration on every call.
 *
 * <p>The call itself is Spring Cloud Gateway's, step for step, with the same header filters, attributes and
 * answers, minus what its filter cost per call in a flight recording of {@code infra/bench/gateway-overhead}
 * (about 14% of the gateway's CPU together):
 * <ul>
 * <li>the service's answer headers went into a new case-insensitive map, through the response header filters, into
 * a set of their names (an exchange attribute nothing reads) and from there into the caller's response: here the
 * filters see the answer's own Netty headers, and when they leave them as they are (no hop-by-hop header: almost
 * every answer) each header is added to the caller's response once;</li>
 * <li>the request's headers were put into the client's configuration, a copy of it made per call, and from there
 * into the request: here they go straight into the request, Reactor Netty's {@code Host} (the service's) kept,
 * as there;</li>
 * <li>the service's URI went to Reactor Netty as a string, which it parsed again with a regular expression: here as
 * the URI it is;</li>
 * <li>the route's response timeout ran as a Reactor timer on another thread's scheduler per call: here it is
 * Reactor Netty's response timeout on the connection's own loop. It bounds the wait after the request is sent and
 * between the answer's reads (Spring Cloud Gateway's: until the answer's headers; connecting has its own
 * timeout); a timed-out call fails with a 504 status error as there, which the route's breaker answers.</li>
 * </ul>
 *
 * <p>Replaces the gateway's {@code routingFilter} bean in place (same type and order), so the writing of the answer
 * ({@code NettyWriteResponseFilter}) and everything else around it stay Spring Cloud Gateway's.
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

    /** Whether a URL's scheme is one the gateway routes over HTTP itself. */
    static boolean http(String scheme) {
        return "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    static final class Filter extends NettyRoutingFilter {

        private final HttpClient shared;
        private final Integer defaultConnectTimeout;
        private final Duration defaultResponseTimeout;
        private final Map<EventLoop, Map<Integer, HttpClient>> byLoop = new ConcurrentHashMap<>();

        Filter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
               HttpClientProperties properties) {
            super(httpClient, headersFilters, properties);
            this.shared = httpClient;
            this.defaultConnectTimeout = properties.getConnectTimeout();
            this.defaultResponseTimeout = properties.getResponseTimeout();
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            URI url = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
            String scheme = url.getScheme();
            if (isAlreadyRouted(exchange) || !http(scheme)) {
                return chain.filter(exchange);
            }
            setAlreadyRouted(exchange);
            ServerHttpRequest request = exchange.getRequest();
            Route route = exchange.getRequiredAttribute(GATEWAY_ROUTE_ATTR);
            org.springframework.http.HttpHeaders relayed = HttpHeadersFilter.filterRequest(getHeadersFilters(), exchange);
            String preservedHost = exchange.getAttributeOrDefault(PRESERVE_HOST_HEADER_ATTRIBUTE, false)
                    ? request.getHeaders().getFirst(org.springframework.http.HttpHeaders.HOST) : null;
            Duration responseTimeout = responseTimeout(route);
            return getHttpClient(route, exchange)
                    .request(HttpMethod.valueOf(request.getMethod().name()))
                    .uri(asciiOnly(url))
                    .send((call, out) -> {
                        relayHeaders(relayed, preservedHost, call.requestHeaders());
                        if (responseTimeout != null) {
                            call.responseTimeout(responseTimeout);
                        }
                        return out.send(request.getBody().map(this::getByteBuf));
                    })
                    .responseConnection((answer, connection) -> {
                        answered(exchange, answer, connection);
                        return Mono.just(answer);
                    })
                    .onErrorMap(ReadTimeoutException.class, e -> new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT,
                            "Response took longer than timeout: " + responseTimeout, e))
                    .then(chain.filter(exchange));
        }

        /**
         * The request's headers after the request header filters, over those Reactor Netty set: its {@code Host}
         * (the service's, from the URI) stays unless the route preserves the caller's.
         */
        static void relayHeaders(org.springframework.http.HttpHeaders relayed, String preservedHost,
                                 HttpHeaders request) {
            relayed.asMultiValueMap().forEach((name, values) -> {
                if (!HttpHeaderNames.HOST.contentEqualsIgnoreCase(name)) {
                    request.set(name, values);
                }
            });
            if (preservedHost != null) {
                request.set(HttpHeaderNames.HOST, preservedHost);
            }
        }

        /** The service answered: its status and headers (after the response header filters) become the caller's. */
        private void answered(ServerWebExchange exchange, HttpClientResponse answer, Connection connection) {
            exchange.getAttributes().put(CLIENT_RESPONSE_ATTR, answer);
            exchange.getAttributes().put(CLIENT_RESPONSE_CONN_ATTR, connection);
            HttpHeaders answerHeaders = answer.responseHeaders();
            String contentType = answerHeaders.get(HttpHeaderNames.CONTENT_TYPE);
            if (contentType != null && !contentType.isEmpty()) {
                exchange.getAttributes().put(ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR, contentType);
            }
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatusCode.valueOf(answer.status().code()));
            org.springframework.http.HttpHeaders asAnswered =
                    new org.springframework.http.HttpHeaders(new Netty4HeadersAdapter(answerHeaders));
            org.springframework.http.HttpHeaders filtered = HttpHeadersFilter.filter(getHeadersFilters(), asAnswered,
                    exchange, HttpHeadersFilter.Type.RESPONSE);
            org.springframework.http.HttpHeaders headers = response.getHeaders();
            if (!filtered.containsHeader(org.springframework.http.HttpHeaders.TRANSFER_ENCODING)
                    && filtered.containsHeader(org.springframework.http.HttpHeaders.CONTENT_LENGTH)) {
                headers.remove(org.springframework.http.HttpHeaders.TRANSFER_ENCODING);
            }
            if (filtered == asAnswered) {
                Iterator<Map.Entry<String, String>> each = answerHeaders.iteratorAsString();
                while (each.hasNext()) {
                    Map.Entry<String, String> header = each.next();
                    headers.add(header.getKey(), header.getValue());
                }
            } else {
                headers.addAll(filtered);
            }
        }

        /** The route's response timeout; none when the route sets a negative one. */
        private Duration responseTimeout(Route route) {
            Long millis = millis(route, RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR);
            if (millis == null) {
                return defaultResponseTimeout;
            }
            return millis < 0 ? null : Duration.ofMillis(millis);
        }

        private Integer connectTimeout(Route route) {
            Long millis = millis(route, RouteMetadataUtils.CONNECT_TIMEOUT_ATTR);
            return millis == null ? defaultConnectTimeout : Integer.valueOf(millis.intValue());
        }

        /** A route's timeout in milliseconds, as a number or its text (route metadata); null when not set. */
        static Long millis(Route route, String key) {
            Object value = route.getMetadata().get(key);
            if (value == null) {
                return null;
            }
            return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
        }

        /**
         * The URI as Reactor Netty takes it without parsing it again: the gateway's request URI has only ASCII
         * characters (the firewall refuses others in the path; the query keeps its percent escapes), else its
         * ASCII form.
         */
        static URI asciiOnly(URI url) {
            String text = url.toString();
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 0x7F) {
                    return URI.create(url.toASCIIString());
                }
            }
            return url;
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

        /** The event loop of the connection the request came in on; none for a request not served by Netty. */
        static EventLoop loopOf(ServerWebExchange exchange) {
            return ReactorNetty.request(exchange.getRequest()) instanceof Connection connection
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
