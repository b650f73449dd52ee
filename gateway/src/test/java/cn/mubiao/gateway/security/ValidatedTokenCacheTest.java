package cn.mubiao.gateway.security;

import cn.mubiao.gateway.TestTokens;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache of verified tokens in front of the real decoder (signature, issuer, expiry), with a clock the test
 * moves; the real decoder counts how often it is asked.
 */
class ValidatedTokenCacheTest {

    static final String ISSUER = "http://keycloak.test/realms/mubiao";
    static final Duration SKEW = Duration.ofSeconds(60);
    static final RSAKey KEY = TestTokens.newKey("k1");
    static final RSAKey OTHER_KEY = TestTokens.newKey("k1");

    final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final AtomicInteger fullChecks = new AtomicInteger();
    final ValidatedTokenCache cache = new ValidatedTokenCache(countingDecoder(), SKEW, 100, clock);

    @Test
    void aVerifiedTokenIsServedFromTheCacheUntilItExpires() {
        String token = sign(claims(clock.instant().plusSeconds(300)), KEY);

        Jwt first = cache.decode(token).block();
        assertThat(first.getSubject()).isEqualTo("u-1");
        assertThat(fullChecks).hasValue(1);

        clock.advance(Duration.ofSeconds(200));
        assertThat(cache.decode(token).block()).isSameAs(first);
        // past exp, but within the clock skew the validators also allow
        clock.advance(Duration.ofSeconds(100 + 59));
        assertThat(cache.decode(token).block()).isSameAs(first);
        assertThat(fullChecks).as("signature checks").hasValue(1);
    }

    @Test
    void anExpiredTokenIsNotServedFromTheCacheAndIsRejected() {
        String token = sign(claims(clock.instant().plusSeconds(300)), KEY);
        cache.decode(token).block();

        clock.advance(Duration.ofSeconds(300 + 61));

        assertThatThrownBy(() -> cache.decode(token).block()).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(fullChecks).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenWithTheSameClaimsButABadSignatureIsRejectedWhileTheGenuineOneIsCached() {
        JWTClaimsSet claims = claims(clock.instant().plusSeconds(300));
        String genuine = sign(claims, KEY);
        cache.decode(genuine).block();

        String forged = sign(claims, OTHER_KEY); // same header and payload, signed with a key the realm never had
        assertThat(forged).isNotEqualTo(genuine);
        assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(BadJwtException.class);

        String tampered = genuine.substring(0, genuine.length() - 4)
                + (genuine.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cache.decode(tampered).block()).isInstanceOf(BadJwtException.class);

        // rejected tokens are not remembered: each try is checked again
        assertThatThrownBy(() -> cache.decode(forged).block()).isInstanceOf(BadJwtException.class);
        assertThat(fullChecks).hasValue(4);
        assertThat(cache.decode(genuine).block().getSubject()).isEqualTo("u-1");
        assertThat(fullChecks).hasValue(4);
    }

    @Test
    void aTokenOfAnotherIssuerIsRejectedEveryTime() {
        JWTClaimsSet foreign = new JWTClaimsSet.Builder(claims(clock.instant().plusSeconds(300)))
                .issuer("http://elsewhere.test/realms/mubiao").build();
        String token = sign(foreign, KEY);

        assertThatThrownBy(() -> cache.decode(token).block()).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> cache.decode(token).block()).isInstanceOf(JwtValidationException.class);
        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void staysWithinItsBoundDroppingExpiredTokensFirst() {
        ValidatedTokenCache small = new ValidatedTokenCache(countingDecoder(), SKEW, 10, clock);
        for (int i = 0; i < 10; i++) {
            small.decode(sign(claims(clock.instant().plusSeconds(30)), KEY, "s-" + i)).block();
        }
        assertThat(small.size()).isEqualTo(10);

        clock.advance(Duration.ofSeconds(30 + 61)); // the ten above are expired now
        String fresh = sign(claims(clock.instant().plusSeconds(300)), KEY, "fresh");
        small.decode(fresh).block();
        assertThat(small.size()).isEqualTo(1);

        for (int i = 0; i < 25; i++) {
            small.decode(sign(claims(clock.instant().plusSeconds(300)), KEY, "l-" + i)).block();
            assertThat(small.size()).isLessThanOrEqualTo(10);
        }
    }

    /** The gateway's real check: RS256 with the realm's key, issuer and expiry on the test's clock. */
    private ReactiveJwtDecoder countingDecoder() {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.just(KEY.toPublicJWK())).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(SKEW);
        expiry.setClock(clock);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(expiry, new JwtIssuerValidator(ISSUER)));
        return token -> Mono.defer(() -> {
            fullChecks.incrementAndGet();
            return decoder.decode(token);
        });
    }

    private JWTClaimsSet claims(Instant expiresAt) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("u-1").claim("unit", "410102")
                .issueTime(Date.from(clock.instant().minusSeconds(10))).expirationTime(Date.from(expiresAt)).build();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        return sign(claims, key, null);
    }

    /** {@code jti}: makes each token distinct. */
    private static String sign(JWTClaimsSet claims, RSAKey key, String jti) {
        JWTClaimsSet c = jti == null ? claims : new JWTClaimsSet.Builder(claims).jwtID(jti).build();
        return TestTokens.sign(c, key, key.getKeyID());
    }


    /** A clock that moves only when told. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
