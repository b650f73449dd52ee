package cn.mubiao.contracts.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HttpSyntaxTest {

    /** The rule as the services stated it before, by regex. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    @Test
    void aRequestIdIsAcceptedExactlyWhenTheFormerRegexAcceptedIt() {
        List<String> ids = List.of("0f8fad5b-d9cb-469f-a165-70867728950e", "4bf92f3577b34da6a3ce929d0e0e4736",
                "gw:1.2_3-4", "a", "-abc", ".abc", "ab c", "ab\nc", "ab\rc", "中原区", "", "a".repeat(128),
                "a".repeat(129), "abc/def", "abc%0d", "A:B:C", "ab\u0000");
        for (String id : ids) {
            assertThat(HttpSyntax.requestId(id)).as(id).isEqualTo(REQUEST_ID.matcher(id).matches());
        }
        for (int c = 0; c < 0x3000; c++) {
            String id = "a" + (char) c;
            assertThat(HttpSyntax.requestId(id)).as("U+%04X", c).isEqualTo(REQUEST_ID.matcher(id).matches());
        }
        assertThat(HttpSyntax.requestId(null)).isFalse();
    }

    @Test
    void aBearerTokenIsTheRfc6750TokenAfterTheScheme() {
        assertThat(HttpSyntax.bearerToken("Bearer a-b.c_d~e+f/g==")).isEqualTo("a-b.c_d~e+f/g==");
        assertThat(HttpSyntax.bearerToken("bearer abc")).isEqualTo("abc");
        assertThat(HttpSyntax.bearerToken("Bearer ")).isNull();
        assertThat(HttpSyntax.bearerToken("Bearer =abc")).isNull();
        assertThat(HttpSyntax.bearerToken("Bearer abc=d")).isNull();
        assertThat(HttpSyntax.bearerToken("Bearer ab c")).isNull();
        assertThat(HttpSyntax.bearerToken("Bearer  abc")).isNull();
        assertThat(HttpSyntax.bearerToken("Bearer abc\n")).isNull();
    }

    @Test
    void theBearerSchemeIsTheWordBearerInAnyCaseAndOneSpace() {
        assertThat(HttpSyntax.bearerScheme("BEARER x")).isTrue();
        assertThat(HttpSyntax.bearerScheme("Bearer")).isFalse();
        assertThat(HttpSyntax.bearerScheme("Basic dXNlcjpwYXNz")).isFalse();
        assertThat(HttpSyntax.bearerScheme(null)).isFalse();
    }

    @Test
    void headerValuesMayHoldTabsAndChineseButNoOtherControlsOrUnassignedCharacters() {
        assertThat(HttpSyntax.headerValue("a\tb")).isTrue();
        assertThat(HttpSyntax.headerName("a\tb")).isFalse();
        assertThat(HttpSyntax.headerValue("中原区")).isTrue();
        assertThat(HttpSyntax.headerValue("a\r\nX-Injected: 1")).isFalse();
        assertThat(HttpSyntax.headerValue("a\u0085b")).isFalse();
        assertThat(HttpSyntax.headerValue("\ud83d\ude00")).isTrue();
        assertThat(HttpSyntax.headerValue(null)).isTrue();
    }
}
