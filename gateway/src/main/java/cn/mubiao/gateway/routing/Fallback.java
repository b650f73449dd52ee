package cn.mubiao.gateway.routing;

import cn.mubiao.gateway.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * Where a route's circuit breaker sends a request its service could not answer (down, too slow, or the breaker
 * open): a 503 problem in Chinese and English naming the service, with {@code Retry-After} while the breaker is
 * open. Only reachable through a breaker: asked directly it is a 404.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RoutingProperties.class)
class Fallback {

    private static final Logger log = LoggerFactory.getLogger(Fallback.class);

    @Bean
    RouterFunction<ServerResponse> fallbackRoute(RoutingProperties routing) {
        long retryAfter = Math.max(1, routing.circuitBreaker().waitInOpenState().toSeconds());
        HandlerFunction<ServerResponse> handler = request -> {
            ServerWebExchange exchange = request.exchange();
            Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
            String service = request.pathVariable("service");
            if (cause == null || !routing.routes().containsKey(service)) {
                return problem(exchange, HttpStatus.NOT_FOUND, "未找到 / Not found",
                        "没有与此路径对应的接口 / no endpoint at this path", Map.of(), null);
            }
            boolean open = cause instanceof CallNotPermittedException;
            String path = Problems.instance(exchange);
            log.warn("{} unavailable for {} {} (request {}): {}", service, exchange.getRequest().getMethod(), path,
                    exchange.getAttribute(Problems.REQUEST_ID_ATTRIBUTE), cause.toString());
            String detail = open
                    ? "%s 多次失败，暂停转发，请稍后重试 / %s failed repeatedly; requests are paused, try again later"
                    .formatted(service, service)
                    : "%s 暂时无法访问或响应超时，请稍后重试 / %s is not reachable or did not answer in time; try again later"
                    .formatted(service, service);
            return problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "服务暂不可用 / Service unavailable", detail,
                    Map.of("service", service), open ? String.valueOf(retryAfter) : null);
        };
        return RouterFunctions.route(RequestPredicates.path(Routes.FALLBACK_PATH + "{service}"), handler);
    }

    private static Mono<ServerResponse> problem(ServerWebExchange exchange, HttpStatus status, String title,
                                                String detail, Map<String, ?> extensions, String retryAfter) {
        ServerResponse.BodyBuilder response = ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.bodyValue(Problems.body(exchange, status, title, detail, extensions));
    }
}
