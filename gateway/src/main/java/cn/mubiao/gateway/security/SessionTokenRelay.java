package cn.mubiao.gateway.security;

import cn.mubiao.gateway.Problems;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * Token relay for browser sessions: a routed request of a signed-in user goes to the service with the user's
 * access token as {@code Authorization: Bearer}, refreshed first when it is about to expire. A session that can no
 * longer give a token is ended, and the call is a 401 problem. Bearer callers pass untouched: their own token is
 * relayed unchanged.
 */
@Component
class SessionTokenRelay implements GlobalFilter, Ordered {

    private final SessionTokens tokens;

    SessionTokenRelay(SessionTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> user.isEmpty() ? chain.filter(exchange) : relay(user.get(), exchange, chain));
    }

    private Mono<Void> relay(OAuth2AuthenticationToken user, ServerWebExchange exchange, GatewayFilterChain chain) {
        return tokens.accessToken(user, exchange)
                .map(token -> Optional.of(token.getTokenValue()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(token -> token.isPresent()
                        ? chain.filter(exchange.mutate()
                        .request(r -> r.headers(h -> h.setBearerAuth(token.get()))).build())
                        : sessionExpired(exchange));
    }

    static final String EXPIRED_TITLE = "登录已过期 / Session expired";
    static final String EXPIRED_DETAIL = "登录会话已失效，请重新登录 / the session has ended; please sign in again";

    private static Mono<Void> sessionExpired(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(WebSession::invalidate)
                .then(Problems.write(exchange, HttpStatus.UNAUTHORIZED, EXPIRED_TITLE, EXPIRED_DETAIL));
    }

    /** Before the circuit breakers: an ended session is not the service's failure. */
    @Override
    public int getOrder() {
        return -10;
    }
}
