package cn.mubiao.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.List;
import java.util.function.Supplier;

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

    @Test
    void theServicesFirewallRulesAgreeWithSpringSecuritysOnEveryCodePoint() {
        var firewall = (StrictHttpFirewall) SecurityConfiguration.strictFirewall();
        int disagreements = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = "a" + Character.toString(cp) + "b";
            boolean name = StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(s);
            if (cn.mubiao.contracts.http.HttpSyntax.headerName(s) != name
                    || cn.mubiao.contracts.http.HttpSyntax.headerValue(s) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(s)
                    || cn.mubiao.contracts.http.HttpSyntax.headerName(s) != StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(s)) {
                disagreements++;
            }
        }
        assertThat(disagreements).isZero();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        request.addHeader("X-Note", "a\u0007b");
        request.addHeader("X-Ok", "中原区\t1");
        var firewalled = firewall.getFirewalledRequest(request);
        assertThat(firewalled.getHeader("X-Ok")).isEqualTo("中原区\t1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> firewalled.getHeader("X-Note"))
                .hasMessageContaining("X-Note");
    }

    private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
        return answer(() -> resolver.resolve(request));
    }

    private static String answer(Supplier<String> resolve) {
        try {
            String token = resolve.get();
            return token == null ? "none" : "token:" + token;
        } catch (OAuth2AuthenticationException e) {
            return "error:" + e.getError().getErrorCode();
        }
    }
}
