package cn.mubiao.kit.testing;

import cn.mubiao.kit.security.SecurityConfiguration;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

import java.util.List;
import java.util.Map;

/** Bearer tokens for MockMvc tests, shaped like Keycloak's: {@code unit} claim and realm roles. */
public final class Tokens {

    private Tokens() {
    }

    public static JwtRequestPostProcessor user(String unit, String... roles) {
        return SecurityMockMvcRequestPostProcessors.jwt()
                .jwt(j -> j.claim("unit", unit).claim("preferred_username", "u-" + unit)
                        .claim("realm_access", Map.of("roles", List.of(roles))))
                .authorities(SecurityConfiguration::authorities);
    }
}
