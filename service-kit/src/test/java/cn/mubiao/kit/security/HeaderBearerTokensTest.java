package cn.mubiao.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderBearerTokensTest {

    static final List<String> HEADERS = List.of(
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl", "bearer abc", "BEARER abc",
            "Bearer a-b.c_d~e+f/g", "Bearer abc==", "Bearer ", "Bearer", "Bearerabc", "Bearer  abc", "Bearer abc ",
            "Bearer ab c", "Bearer =abc", "Bearer abc=d", "Bearer ab%c", "Bearer abc\t", "Bearer ab\u00e9c",
            "Basic dXNlcjpwYXNz", "Token abc", "", " Bearer abc");

    @Test
    void resolvesAndRefusesExactlyWhatSpringSecuritysDefaultResolverDoes() {
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        HeaderBearerTokens ours = new HeaderBearerTokens();
        for (String method : List.of("GET", "POST", "PUT")) {
            for (String header : HEADERS) {
                for (boolean accessTokenParameter : new boolean[] {false, true}) {
                    MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/progress/reports");
                    request.addHeader("Authorization", header);
                    if (accessTokenParameter) {
                        request.addParameter("access_token", "other");
                    }
                    String as = method + " [" + header + "] access_token=" + accessTokenParameter;
                    assertThat(answer(ours, request)).as(as).isEqualTo(answer(spring, request));
                }
            }
        }
        MockHttpServletRequest none = new MockHttpServletRequest("GET", "/api/progress/reports");
        assertThat(answer(ours, none)).isEqualTo(answer(spring, none)).isEqualTo("none");
    }

    @Test
    void aMalformedTokenIsAnInvalidTokenError() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        request.addHeader("Authorization", "Bearer ab c");
        assertThat(answer(new HeaderBearerTokens(), request)).isEqualTo("error:invalid_token");
    }

    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        try {
            String token = resolver.resolve(request);
            return token == null ? "none" : "token:" + token;
        } catch (OAuth2AuthenticationException e) {
            return "error:" + e.getError().getErrorCode();
        }
    }
}
