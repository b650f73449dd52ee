package cn.mubiao.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who is calling, from the access token the services get: {@code GET /api/me}.
 *
 * @param username  {@code preferred_username}
 * @param name      {@code name} (Keycloak: first and last name)
 * @param unit      the {@code unit} claim: the unit code the services scope by
 * @param roles     realm roles, without Keycloak's built-in ones ({@code default-roles-*}, {@code offline_access},
 *                  {@code uma_authorization})
 * @param subject   {@code sub}
 * @param client    {@code azp}: the client the token was issued to ({@code gateway} for browser sessions)
 * @param via       {@code session} (signed in at the gateway) or {@code bearer} (own token)
 */
record Me(String username, String name, String unit, List<String> roles, String subject, String client, String via) {

    static Me of(Jwt token, String via) {
        return new Me(token.getClaimAsString("preferred_username"), token.getClaimAsString("name"),
                token.getClaimAsString("unit"), realmRoles(token), token.getSubject(), token.getClaimAsString("azp"), via);
    }

    static List<String> realmRoles(Jwt token) {
        Map<String, Object> realmAccess = token.getClaimAsMap("realm_access");
        if (realmAccess == null || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf)
                .filter(r -> !r.startsWith("default-roles-") && !r.equals("offline_access") && !r.equals("uma_authorization"))
                .sorted().toList();
    }
}
