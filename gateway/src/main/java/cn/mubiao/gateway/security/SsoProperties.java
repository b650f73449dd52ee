package cn.mubiao.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code mubiao.gateway.sso}: the browser sign-in (authorization code with PKCE, confidential client).
 *
 * @param clientId              the realm's client for the gateway
 * @param clientSecret          its secret
 * @param scopes                scopes asked for ({@code openid} first)
 * @param postLogoutRedirectUri where Keycloak sends the browser after logout ({@code {baseUrl}} is the gateway)
 * @param refreshBeforeExpiry   an access token that expires within this is refreshed before it is relayed
 */
@ConfigurationProperties("mubiao.gateway.sso")
record SsoProperties(String clientId, String clientSecret, List<String> scopes, String postLogoutRedirectUri,
                     Duration refreshBeforeExpiry) {

    /** The one client registration: the realm's {@code gateway} client. */
    static final String REGISTRATION_ID = "keycloak";

    SsoProperties {
        Objects.requireNonNull(clientId, "mubiao.gateway.sso.client-id");
        Objects.requireNonNull(clientSecret, "mubiao.gateway.sso.client-secret");
        Objects.requireNonNull(scopes, "mubiao.gateway.sso.scopes");
        Objects.requireNonNull(postLogoutRedirectUri, "mubiao.gateway.sso.post-logout-redirect-uri");
        Objects.requireNonNull(refreshBeforeExpiry, "mubiao.gateway.sso.refresh-before-expiry");
        scopes = List.copyOf(scopes);
    }
}
