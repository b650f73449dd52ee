package cn.mubiao.kit.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import java.time.Duration;
import java.time.InstantSource;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The services' {@link JwtDecoder}: Keycloak's JWK set from {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri},
 * cached ({@code mubiao.security.jwks-cache-ttl}) and fetched at most twice per
 * {@code mubiao.security.jwks-refresh-interval} however many tokens with unknown key ids arrive, so forged
 * tokens cannot make a service hammer Keycloak. Within that limit a rotated key is picked up at once; beyond it a
 * token with an unknown key id is refused (401) like any token without a matching key. Issuer
 * ({@code issuer-uri}), expiry and not-before are validated as Spring Boot's own decoder would.
 *
 * <p>Spring Security's {@code withJwkSetUri} builder switches Nimbus's rate limiting off and offers no way back
 * in, hence a decoder built from our own {@code JWKSourceBuilder} source.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration")
@ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
@EnableConfigurationProperties({JwksProperties.class, OAuth2ResourceServerProperties.class})
class JwtDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtDecoderConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, JwksProperties jwks) {
        OAuth2ResourceServerProperties.Jwt jwt = resourceServer.getJwt();
        return new VerifiedTokenCache(decoder(jwt.getJwkSetUri(), jwt.getIssuerUri(), jwt.getJwsAlgorithms(),
                jwt.getAudiences(), jwks), CLOCK_SKEW, jwks.tokenCacheSize(), InstantSource.system());
    }

    /** The skew the default timestamp validator allows. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    static NimbusJwtDecoder decoder(String jwkSetUri, String issuerUri, List<String> algorithms,
                                    List<String> audiences, JwksProperties settings) {
        int timeout = Math.toIntExact(settings.jwksTimeout().toMillis());
        JWKSource<SecurityContext> remote = JWKSourceBuilder.<SecurityContext>create(url(jwkSetUri),
                        new DefaultResourceRetriever(timeout, timeout, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT))
                .cache(settings.jwksCacheTtl().toMillis(), 2L * timeout)
                .refreshAheadCache(false) // no background thread; the fetch at expiry is one request's wait
                .rateLimited(settings.jwksRefreshInterval().toMillis())
                .build();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new NoKeysWhenRateLimited(remote))
                .jwsAlgorithms(set -> algorithms.forEach(a -> set.add(SignatureAlgorithm.from(a))))
                .build();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        if (issuerUri != null && !issuerUri.isBlank()) {
            validators.add(JwtValidators.createDefaultWithIssuer(issuerUri));
        } else {
            validators.add(JwtValidators.createDefault());
        }
        if (audiences != null && !audiences.isEmpty()) {
            validators.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && !Collections.disjoint(aud, audiences)));
        }
        decoder.setJwtValidator(validators.size() == 1 ? validators.getFirst()
                : new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    private static URL url(String uri) {
        try {
            return URI.create(uri).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri is not a URL: " + uri, e);
        }
    }

    /**
     * When the rate limit refuses a refetch, the token's key is simply not there: the token is refused as
     * invalid (401) instead of failing the request as a key-source outage (500).
     */
    private record NoKeysWhenRateLimited(JWKSource<SecurityContext> source) implements JWKSource<SecurityContext> {

        @Override
        public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
            try {
                return source.get(selector, context);
            } catch (KeySourceException e) {
                if (isRateLimit(e)) {
                    log.debug("JWK set refetch refused by the rate limit: no key for this token");
                    return List.of();
                }
                throw e;
            }
        }

        private static boolean isRateLimit(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof RateLimitReachedException) {
                    return true;
                }
            }
            return false;
        }
    }
}
