package cn.mubiao.kit.security;

import cn.mubiao.contracts.http.HttpSyntax;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every service's strict firewall checks headers by {@link HttpSyntax}'s loops, with Spring Security's answers. */
class ServiceFirewallTest {

    @Test
    void theServicesFirewallRulesAgreeWithSpringSecuritysOnEveryCodePoint() {
        var firewall = (StrictHttpFirewall) SecurityConfiguration.strictFirewall();
        int disagreements = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = "a" + Character.toString(cp) + "b";
            if (HttpSyntax.headerName(s) != StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(s)
                    || HttpSyntax.headerValue(s) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(s)
                    || HttpSyntax.headerName(s) != StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(s)) {
                disagreements++;
            }
        }
        assertThat(disagreements).isZero();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        request.addHeader("X-Note", "a\u0007b");
        request.addHeader("X-Ok", "中原区\t1");
        var firewalled = firewall.getFirewalledRequest(request);
        assertThat(firewalled.getHeader("X-Ok")).isEqualTo("中原区\t1");
        assertThatThrownBy(() -> firewalled.getHeader("X-Note")).hasMessageContaining("X-Note");
    }
}
