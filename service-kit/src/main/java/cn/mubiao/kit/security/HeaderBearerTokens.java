package cn.mubiao.kit.security;

import cn.mubiao.contracts.http.HttpSyntax;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of a request, from its {@code Authorization} header only (never the query or a form), with
 * the answers of Spring Security's default resolver (a header starting with {@code bearer}, any case, whose token
 * is malformed is an invalid token), the token checked by a loop ({@link HttpSyntax#bearerToken}) instead of a
 * case-insensitive regex over the whole header, which showed in progress-service's profile at a month-end burst.
 */
final class HeaderBearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "bearer";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String token = HttpSyntax.bearerToken(header);
        if (token == null) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return token;
    }
}
