package cn.mubiao.gateway.security;

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
 * case-insensitive regex over the whole token (which the profile showed per request).
 */
final class BearerTokens {

    private static final String PREFIX = "Bearer ";

    private BearerTokens() {
    }

    static boolean present(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The token to authenticate; empty without a bearer header; an error when the token is malformed. */
    static Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Mono.empty();
        }
        String token = authorization.substring(PREFIX.length());
        if (!wellFormed(token)) {
            return Mono.error(new OAuth2AuthenticationException(
                    BearerTokenErrors.invalidToken("Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    static boolean wellFormed(String token) {
        int n = token.length();
        int i = 0;
        while (i < n && tokenCharacter(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < n && token.charAt(i) == '=') {
            i++;
        }
        return i == n;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
