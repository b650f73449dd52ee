package cn.mubiao.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keycloak's signing keys for checking tokens, fetched once and cached. A token whose key id is not among them
 * (a rotated key, or a forgery) may make the gateway fetch the keys again, but at most once per
 * {@code minInterval}, however many such tokens arrive: concurrent misses share one fetch, and until the interval
 * has passed the cached keys stand. A failed fetch keeps the keys known before.
 */
final class CachingJwkSource {

    private static final Logger log = LoggerFactory.getLogger(CachingJwkSource.class);

    private final URI uri;
    private final Duration minInterval;
    private final Duration ttl;
    private final InstantSource clock;
    private final HttpClient http;
    private final AtomicReference<Fetch> last = new AtomicReference<>();
    private volatile JWKSet lastGood;

    /** One fetch of the key set: when it started, and its (cached) outcome. */
    private record Fetch(Instant startedAt, Mono<JWKSet> keys) {
    }

    CachingJwkSource(URI uri, Duration minInterval, Duration ttl, InstantSource clock) {
        this.uri = uri;
        this.minInterval = minInterval;
        this.ttl = ttl;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The keys that may have signed {@code jwt}: by its key id and algorithm. */
    Flux<JWK> keysFor(SignedJWT jwt) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()));
        return keys(false).flatMapMany(set -> {
            List<JWK> known = selector.select(set);
            if (!known.isEmpty()) {
                return Flux.fromIterable(known);
            }
            return keys(true).flatMapIterable(selector::select);
        });
    }

    /**
     * The current key set; {@code missed}: a key was not found in it, so a newer set is wanted if the interval
     * allows one.
     */
    private Mono<JWKSet> keys(boolean missed) {
        while (true) {
            Fetch previous = last.get();
            Instant now = clock.instant();
            if (previous != null) {
                boolean withinInterval = now.isBefore(previous.startedAt().plus(minInterval));
                boolean fresh = now.isBefore(previous.startedAt().plus(ttl));
                if (withinInterval || (fresh && !missed)) {
                    return previous.keys();
                }
            }
            Fetch next = new Fetch(now, download().cache());
            if (last.compareAndSet(previous, next)) {
                return next.keys();
            }
        }
    }

    private Mono<JWKSet> download() {
        return Mono.defer(() -> {
                    log.debug("fetching signing keys from {}", uri);
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                            .header("Accept", "application/json").GET().build();
                    return Mono.fromFuture(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
                })
                .flatMap(response -> {
                    if (response.statusCode() != 200) {
                        return Mono.error(new IOException("JWKS " + uri + " answered " + response.statusCode()));
                    }
                    try {
                        return Mono.just(JWKSet.parse(response.body()));
                    } catch (java.text.ParseException e) {
                        return Mono.error(new IOException("JWKS " + uri + " is not a key set", e));
                    }
                })
                .doOnNext(set -> lastGood = set)
                .onErrorResume(e -> {
                    JWKSet known = lastGood;
                    log.warn("cannot fetch signing keys from {}: {}{}", uri, e.toString(),
                            known == null ? "" : " (keeping the keys known before)");
                    return known == null ? Mono.error(e) : Mono.just(known);
                });
    }
}
