package cn.mubiao.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import cn.mubiao.gateway.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The gateway's own page about the caller: {@code GET /me} (HTML, Chinese first, with the logout button) and
 * {@code GET /api/me} (the same as JSON), for session and bearer callers alike. What it shows comes from the
 * access token the services would get, so it is what they see.
 */
@Configuration(proxyBeanMethods = false)
class MeEndpoints {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final SessionTokens tokens;
    private final ReactiveJwtDecoder decoder;

    MeEndpoints(SessionTokens tokens, ReactiveJwtDecoder decoder) {
        this.tokens = tokens;
        this.decoder = decoder;
    }

    @Bean
    RouterFunction<ServerResponse> meRoutes() {
        return RouterFunctions.route()
                .GET("/api/me", this::json)
                .GET("/me", this::page)
                .build();
    }

    private Mono<ServerResponse> json(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        return me(exchange)
                .flatMap(me -> csrfCookieFor(me, exchange)
                        .then(ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(me)))
                .switchIfEmpty(Mono.defer(() -> exchange.getSession().flatMap(WebSession::invalidate)
                        .then(ServerResponse.status(HttpStatus.UNAUTHORIZED)
                                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mubiao\"")
                                .bodyValue(Problems.body(exchange, HttpStatus.UNAUTHORIZED, SessionTokenRelay.EXPIRED_TITLE,
                                        SessionTokenRelay.EXPIRED_DETAIL, Map.of())))));
    }

    private Mono<ServerResponse> page(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        return me(exchange)
                .flatMap(me -> csrfToken(me, exchange)
                        .map(CsrfToken::getToken)
                        .defaultIfEmpty("")
                        .flatMap(csrf -> ServerResponse.ok().contentType(HTML).bodyValue(MePage.render(me, csrf))))
                .switchIfEmpty(Mono.defer(() -> exchange.getSession().flatMap(WebSession::invalidate)
                        .then(ServerResponse.status(302).location(URI.create(GatewaySecurity.LOGIN_START)).build())));
    }

    /** The caller from the token the services get; empty for a session that can no longer give one. */
    Mono<Me> me(ServerWebExchange exchange) {
        return exchange.getPrincipal().flatMap(principal -> switch (principal) {
            case JwtAuthenticationToken bearer -> Mono.just(Me.of(bearer.getToken(), "bearer"));
            case OAuth2AuthenticationToken session -> tokens.accessToken(session, exchange)
                    .flatMap(token -> decoder.decode(token.getTokenValue()))
                    .onErrorResume(JwtException.class, e -> Mono.empty())
                    .map(jwt -> Me.of(jwt, "session"));
            default -> Mono.empty();
        });
    }

    /** Session callers need the CSRF token for changes: this puts it into the {@code XSRF-TOKEN} cookie. */
    private static Mono<Void> csrfCookieFor(Me me, ServerWebExchange exchange) {
        return csrfToken(me, exchange).then();
    }

    private static Mono<CsrfToken> csrfToken(Me me, ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return "session".equals(me.via()) && token != null ? token : Mono.empty();
    }
}
