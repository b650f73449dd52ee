package cn.mubiao.kit.security;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens that passed the signature and claim checks until they expire (plus the validators' clock
 * skew), so a script or a clerk sending the same token again costs no signature check: at a month-end burst
 * the RS256 verification was about a tenth of a report's CPU. A token that fails is never remembered, so an
 * unknown key id still goes through the rate-limited JWKS refetch every time. Bounded: expired entries go
 * first, then the oldest tenth. The gateway keeps the same kind of cache for its reactive decoder.
 */
final class VerifiedTokenCache implements JwtDecoder {

    private final JwtDecoder validating;
    private final Duration clockSkew;
    private final int maxSize;
    private final InstantSource clock;
    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();

    private record Entry(Jwt jwt, Instant validUntil) {
    }

    VerifiedTokenCache(JwtDecoder validating, Duration clockSkew, int maxSize, InstantSource clock) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be positive: " + maxSize);
        }
        this.validating = validating;
        this.clockSkew = clockSkew;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Entry known = tokens.get(token);
        if (known != null) {
            if (!clock.instant().isAfter(known.validUntil())) {
                return known.jwt();
            }
            tokens.remove(token, known);
        }
        Jwt jwt = validating.decode(token);
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt != null && token.equals(jwt.getTokenValue())) {
            if (tokens.size() >= maxSize) {
                makeRoom();
            }
            tokens.put(token, new Entry(jwt, expiresAt.plus(clockSkew)));
        }
        return jwt;
    }

    private void makeRoom() {
        Instant now = clock.instant();
        tokens.values().removeIf(e -> now.isAfter(e.validUntil()));
        int evict = tokens.size() < maxSize ? 0 : Math.max(1, maxSize / 10);
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
