package cn.mubiao.gateway.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;

/**
 * The realm as the gateway uses it: one OIDC client registration built from the settings (no discovery at
 * start-up: in compose the browser-facing issuer is not reachable from the gateway's container), the user's tokens
 * kept in the web session, refreshed before they expire, and one token decoder, with cached keys, for every
 * access token the gateway checks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KeycloakProperties.class, SsoProperties.class, CorsProperties.class,
        HeaderProperties.class})
class SsoConfiguration {

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak, SsoProperties sso) {
        return new InMemoryReactiveClientRegistrationRepository(registration(keycloak, sso));
    }

    static ClientRegistration registration(KeycloakProperties keycloak, SsoProperties sso) {
        return ClientRegistration.withRegistrationId(SsoProperties.REGISTRATION_ID)
                .clientName("Keycloak")
                .clientId(sso.clientId())
                .clientSecret(sso.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                // PKCE (S256) although the client is confidential: the realm's gateway client requires it
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(sso.scopes())
                .issuerUri(keycloak.issuerUri())
                .authorizationUri(keycloak.browserEndpoint("auth"))
                .tokenUri(keycloak.backchannelEndpoint("token"))
                .jwkSetUri(keycloak.jwkSetUri())
                // the user is taken from the ID token (and the access token's claims): no userinfo call
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", keycloak.browserEndpoint("logout")))
                .build();
    }

    /** The user's tokens live in the web session, so ending the session forgets them. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Hands out the session user's access token, refreshed with the refresh token when it is about to expire. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository clients,
                                                                  SsoProperties sso) {
        var manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(r -> r.clockSkew(sso.refreshBeforeExpiry()))
                .build());
        return manager;
    }

    @Bean
    CachingJwkSource jwkSource(KeycloakProperties keycloak) {
        return new CachingJwkSource(URI.create(keycloak.jwkSetUri()), keycloak.jwksRefreshMinInterval(),
                keycloak.jwksCacheTtl(), InstantSource.system());
    }

    /** How far a token's {@code exp} may lie in the past (clocks differ): the validators and the token cache. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /**
     * Signature (RS256, cached keys), issuer and expiry of every bearer token and every session access token; a
     * token that passed is remembered until it expires ({@link ValidatedTokenCache}).
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(CachingJwkSource keys, KeycloakProperties keycloak) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys::keysFor).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTimestampValidator(CLOCK_SKEW),
                new JwtIssuerValidator(keycloak.issuerUri())));
        return new ValidatedTokenCache(decoder, CLOCK_SKEW, keycloak.tokenCacheSize(), InstantSource.system());
    }
}
