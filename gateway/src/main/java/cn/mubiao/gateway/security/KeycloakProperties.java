package cn.mubiao.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code mubiao.gateway.keycloak}: where the realm is.
 *
 * @param issuerUri             the realm as browsers reach it and as tokens name it ({@code iss}); browsers are sent
 *                              to its login and logout pages
 * @param jwkSetUri             the realm's signing keys as the gateway reaches them
 * @param backchannelUri        the realm as the gateway reaches it (token endpoint); empty: the realm part of
 *                              {@code jwkSetUri} ({@code …/realms/mubiao}), so compose needs no extra variable
 * @param jwksRefreshMinInterval a token with an unknown key id makes the gateway fetch the keys again at most once
 *                              per this interval
 * @param jwksCacheTtl          keys older than this are fetched again on the next token (within the same bound)
 * @param tokenCacheSize        how many verified tokens are remembered (until each one's expiry), so that the same
 *                              token again skips the signature check
 */
@ConfigurationProperties("mubiao.gateway.keycloak")
record KeycloakProperties(String issuerUri, String jwkSetUri, String backchannelUri,
                          Duration jwksRefreshMinInterval, Duration jwksCacheTtl,
                          @DefaultValue("2048") int tokenCacheSize) {

    private static final String CERTS = "/protocol/openid-connect/certs";

    KeycloakProperties {
        Objects.requireNonNull(issuerUri, "mubiao.gateway.keycloak.issuer-uri");
        Objects.requireNonNull(jwkSetUri, "mubiao.gateway.keycloak.jwk-set-uri");
        Objects.requireNonNull(jwksRefreshMinInterval, "mubiao.gateway.keycloak.jwks-refresh-min-interval");
        Objects.requireNonNull(jwksCacheTtl, "mubiao.gateway.keycloak.jwks-cache-ttl");
        issuerUri = trimSlash(issuerUri);
    }

    /** The realm's URL for the gateway's own calls to Keycloak. */
    String backchannelRealmUri() {
        if (backchannelUri != null && !backchannelUri.isBlank()) {
            return trimSlash(backchannelUri);
        }
        return jwkSetUri.endsWith(CERTS) ? jwkSetUri.substring(0, jwkSetUri.length() - CERTS.length()) : issuerUri;
    }

    String browserEndpoint(String name) {
        return issuerUri + "/protocol/openid-connect/" + name;
    }

    String backchannelEndpoint(String name) {
        return backchannelRealmUri() + "/protocol/openid-connect/" + name;
    }

    private static String trimSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
