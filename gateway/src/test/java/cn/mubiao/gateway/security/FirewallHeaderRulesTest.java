package cn.mubiao.gateway.security;

import cn.mubiao.contracts.http.HttpSyntax;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway firewall's header rules ({@link HttpSyntax}, loops) agree with Spring Security's regexes everywhere. */
class FirewallHeaderRulesTest {

    @Test
    void agreesWithSpringSecurityOnEveryCodePoint() {
        int disagreements = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = "a" + Character.toString(cp) + "b";
            if (HttpSyntax.headerValue(s) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(s)
                    || HttpSyntax.headerName(s) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(s)) {
                disagreements++;
            }
        }
        assertThat(disagreements).isZero();
    }

    @Test
    void agreesOnLoneSurrogatesTabsAndLongTokens() {
        String token = "Bearer " + "eyJhbGciOiJSUzI1NiJ9".repeat(80);
        for (String s : new String[] {token, "a\tb", "a\u0000b", "\ud800", "x\udc00y", "\ud83d\ude00", "", "\u007f",
                "\u0085", "\u00a0", "中原区"}) {
            assertThat(HttpSyntax.headerValue(s)).as(s).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(s));
            assertThat(HttpSyntax.headerName(s)).as(s).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(s));
        }
        assertThat(HttpSyntax.headerValue(null)).isTrue();
    }
}
