package cn.mubiao.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that passed the full check (signature, issuer, expiry: {@code validating}), so that the same
 * token presented again — a script's or the console's calls, one token for minutes — skips the signature check.
 * <ul>
 * <li>The key is the whole token string: only the very same bytes that were verified are served from here; a
 * token differing in any character, its signature included, goes through the full check.</li>
 * <li>An entry serves only while the token would still pass the expiry check: up to {@code exp} plus the same
 * clock skew the validators allow. Tokens without {@code exp} are not remembered.</li>
 * <li>Only successes are remembered; a rejected token (bad signature, unknown key id, wrong issuer, expired) is
 * checked afresh each time, so unknown key ids still take the rate-limited key refresh of
 * {@link CachingJwkSource}.</li>
 * <li>Bounded: at {@code maxSize} tokens, expired entries are dropped first, then an arbitrary tenth.</li>
 * </ul>
 */
final class ValidatedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder validating;
    private final Duration clockSkew;
    private final int maxSize;
    private final InstantSource clock;
    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();

    /** A verified token and the last instant it still passes the expiry check. */
    private record Entry(Jwt jwt, Instant validUntil) {
    }

    ValidatedTokenCache(ReactiveJwtDecoder validating, Duration clockSkew, int maxSize, InstantSource clock) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be positive: " + maxSize);
        }
        this.validating = validating;
        this.clockSkew = clockSkew;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Entry known = tokens.get(token);
        if (known != null) {
            if (!clock.instant().isAfter(known.validUntil())) {
                return Mono.just(known.jwt());
            }
            tokens.remove(token, known);
        }
        return validating.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null || !token.equals(jwt.getTokenValue())) {
            return;
        }
        if (tokens.size() >= maxSize) {
            makeRoom();
        }
        tokens.put(token, new Entry(jwt, expiresAt.plus(clockSkew)));
    }

    private void makeRoom() {
        Instant now = clock.instant();
        tokens.values().removeIf(e -> now.isAfter(e.validUntil()));
        if (tokens.size() < maxSize) {
            return;
        }
        int evict = Math.max(1, maxSize / 10);
        Iterator<String> it = tokens.keySet().iterator();
        while (evict-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    int size() {
        return tokens.size();
    }
}
