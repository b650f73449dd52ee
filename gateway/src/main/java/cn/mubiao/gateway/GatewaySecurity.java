package cn.mubiao.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;

/**
 * Bearer tokens are validated at the edge (signature, issuer, expiry) and relayed unchanged; each service
 * checks roles and unit scope again. Missing or bad tokens get a 401 problem, here already.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    @Bean
    SecurityWebFilterChain gatewayChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(a -> a
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/", "/index.html", "/favicon.ico").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> { })
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "未认证 / Unauthorized", "缺少或无效的访问令牌 / missing or invalid bearer token")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, ex) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "未认证 / Unauthorized", "缺少或无效的访问令牌 / missing or invalid bearer token"))
                        .accessDeniedHandler((exchange, ex) -> problem(exchange, HttpStatus.FORBIDDEN,
                                "无权操作 / Forbidden", "您的角色不允许此操作 / your role does not allow this")))
                .build();
    }

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer realm=\"mubiao\"");
        }
        String body = "{\"type\":\"https://mubiao.cn/problems/%d\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\",\"instance\":\"%s\"}"
                .formatted(status.value(), title, status.value(), detail, exchange.getRequest().getPath().value().replace("\"", ""));
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
