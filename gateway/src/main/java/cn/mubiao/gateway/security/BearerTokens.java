package cn.mubiao.gateway.security;

import cn.mubiao.contracts.http.HttpSyntax;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of a request, from its {@code Authorization} header only (never the query or a form), in the
 * form RFC 6750 allows: {@code Bearer} (any case), one space, then {@code 1*(ALPHA / DIGIT / "-" / "." / "_" / "~"
 * / "+" / "/") *"="}. The same rule as Spring Security's own converter, checked by a loop instead of a
 * case-insensitive regex over the whole token (which the profile showed per request): {@link HttpSyntax}.
 */
final class BearerTokens {

    private BearerTokens() {
    }

    static boolean present(ServerWebExchange exchange) {
        return HttpSyntax.bearerScheme(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
    }

    /** The token to authenticate; empty without a bearer header; an error when the token is malformed. */
    static Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (!HttpSyntax.bearerScheme(authorization)) {
            return Mono.empty();
        }
        String token = HttpSyntax.bearerToken(authorization);
        if (token == null) {
            return Mono.error(new OAuth2AuthenticationException(
                    BearerTokenErrors.invalidToken("Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }
}
