package cn.mubiao.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's header character rule, checked by a loop, agrees with Spring Security's regex everywhere. */
class HeaderCharactersTest {

    @Test
    void agreesWithSpringSecurityOnEveryCodePoint() {
        int disagreements = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = "a" + Character.toString(cp) + "b";
            if (HeaderCharacters.allowedValue(s) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(s)
                    || HeaderCharacters.allowedName(s) != StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(s)) {
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
            assertThat(HeaderCharacters.allowedValue(s)).as(s).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(s));
            assertThat(HeaderCharacters.allowedName(s)).as(s).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(s));
        }
        assertThat(HeaderCharacters.allowedValue(null)).isTrue();
    }
}
