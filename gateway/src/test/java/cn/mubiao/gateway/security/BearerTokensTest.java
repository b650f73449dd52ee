package cn.mubiao.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's bearer header rule gives what Spring Security's own converter gives, header by header. */
class BearerTokensTest {

    static final List<String> HEADERS = List.of(
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl",
            "bearer abc", "BEARER abc", "Bearer a-b.c_d~e+f/g", "Bearer abc==", "Bearer abc=",
            "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer ab c", "Bearer =abc", "Bearer abc=d", "Bearer ab%c",
            "Bearer abc\t", "Bearer ab\u00e9c", "Bearer ab,c", "Bearer abc=\n");

    @Test
    void acceptsAndRefusesExactlyWhatSpringSecuritysConverterDoes() {
        ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
        for (String header : HEADERS) {
            String theirs = tokenOrError(() -> spring.convert(exchange(header)).block());
            String ours = tokenOrError(() -> BearerTokens.convert(exchange(header)).block());
            assertThat(ours).as(header).isEqualTo(theirs);
        }
    }

    @Test
    void aMalformedTokenIsAnInvalidTokenError() {
        assertThatThrownBy(() -> BearerTokens.convert(exchange("Bearer ab c")).block())
                .isInstanceOf(OAuth2AuthenticationException.class)
                .satisfies(e -> assertThat(((OAuth2AuthenticationException) e).getError().getErrorCode())
                        .isEqualTo("invalid_token"));
    }

    @Test
    void otherSchemesAndNoHeaderGiveNoToken() {
        assertThat(BearerTokens.convert(exchange("Basic dXNlcjpwYXNz")).blockOptional()).isEmpty();
        assertThat(BearerTokens.convert(MockServerWebExchange.from(MockServerHttpRequest.get("/api/x")))
                .blockOptional()).isEmpty();
    }

    private static MockServerWebExchange exchange(String authorization) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/x").header("Authorization", authorization));
    }

    private static String tokenOrError(java.util.function.Supplier<Authentication> convert) {
        try {
            Authentication a = convert.get();
            return a == null ? "none" : "token:" + ((BearerTokenAuthenticationToken) a).getToken();
        } catch (OAuth2AuthenticationException e) {
            return "error:" + e.getError().getErrorCode();
        }
    }
}
