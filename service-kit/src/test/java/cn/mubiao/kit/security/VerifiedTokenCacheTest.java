package cn.mubiao.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);

    /** Verifies "good-*" tokens expiring five minutes after NOW; refuses everything else. */
    private final JwtDecoder validating = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("u").issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofMinutes(5))).build();
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(validating, Duration.ofSeconds(60), 3, now::get);

    @Test
    void aRepeatedTokenIsVerifiedOnce() {
        cache.decode("good-1");
        Jwt again = cache.decode("good-1");

        assertThat(again.getTokenValue()).isEqualTo("good-1");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenPastItsExpiryAndTheSkewIsVerifiedAgain() {
        cache.decode("good-1");
        now.set(NOW.plus(Duration.ofMinutes(6)).plusSeconds(1));

        cache.decode("good-1");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        for (int i = 0; i < 10; i++) {
            cache.decode("good-" + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }
}
