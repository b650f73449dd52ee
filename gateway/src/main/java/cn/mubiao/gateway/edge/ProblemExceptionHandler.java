package cn.mubiao.gateway.edge;

import cn.mubiao.gateway.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself raises (no route, wrong method, a response timeout without a fallback, a bug)
 * leaves as a problem, before Spring Boot's JSON error page would.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (RequestSizeFilter.causedByTooLarge(ex)) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "请求体过大 / Content too large",
                    "请求体超过上限 / the request body is larger than the limit");
        }
        if (causedBy(ex, AuthenticationServiceException.class)) {
            log.warn("cannot check a token (request {}): {}", exchange.getAttribute(Problems.REQUEST_ID_ATTRIBUTE),
                    ex.toString());
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "身份服务暂不可用 / Identity service unavailable",
                    "暂时无法验证访问令牌，请稍后重试 / the token cannot be checked right now; try again later");
        }
        HttpStatusCode code = ex instanceof ErrorResponse e ? e.getStatusCode() : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus status = HttpStatus.resolve(code.value());
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            log.warn("{} {} failed (request {}): {}", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(), exchange.getAttribute(Problems.REQUEST_ID_ATTRIBUTE), ex.toString());
        }
        return Problems.write(exchange, status, title(status), detail(status));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "未找到 / Not found";
            case METHOD_NOT_ALLOWED -> "方法不允许 / Method not allowed";
            case UNSUPPORTED_MEDIA_TYPE -> "不支持的内容类型 / Unsupported media type";
            case NOT_ACCEPTABLE -> "无法提供所需格式 / Not acceptable";
            case BAD_REQUEST -> "请求有误 / Bad request";
            case GATEWAY_TIMEOUT -> "服务响应超时 / Gateway timeout";
            case BAD_GATEWAY -> "服务不可达 / Bad gateway";
            case SERVICE_UNAVAILABLE -> "服务暂不可用 / Service unavailable";
            default -> status.is5xxServerError() ? "网关内部错误 / Internal error" : status.getReasonPhrase();
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "没有与此路径对应的接口 / no endpoint at this path";
            case METHOD_NOT_ALLOWED -> "此路径不接受该方法 / this path does not take that method";
            case GATEWAY_TIMEOUT -> "后端服务未在时限内响应 / the service did not answer in time";
            default -> status.is5xxServerError()
                    ? "网关处理请求时出错，请稍后重试 / the gateway failed on this request; try again later"
                    : status.getReasonPhrase();
        };
    }
}
