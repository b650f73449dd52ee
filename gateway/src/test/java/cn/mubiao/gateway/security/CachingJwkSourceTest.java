package cn.mubiao.gateway.security;

import cn.mubiao.gateway.TestTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key cache on its own, with a clock the test moves and a JWKS endpoint whose keys it changes. */
class CachingJwkSourceTest {

    static final RSAKey OLD = TestTokens.newKey("old");
    static final RSAKey NEW = TestTokens.newKey("new");

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(OLD.toPublicJWK()));
    final AtomicReference<Integer> status = new AtomicReference<>(200);
    HttpServer jwks;

    @BeforeEach
    void start() throws Exception {
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.setExecutor(Executors.newFixedThreadPool(4));
        jwks.createContext("/certs", x -> {
            fetches.incrementAndGet();
            try {
                Thread.sleep(50); // long enough for concurrent misses to overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(status.get(), body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        jwks.start();
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    private CachingJwkSource source() {
        return new CachingJwkSource(URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/certs"),
                Duration.ofSeconds(30), Duration.ofMinutes(10), now::get);
    }

    @Test
    void keysAreFetchedOnceAndThenServedFromTheCache() {
        CachingJwkSource source = source();
        for (int i = 0; i < 10; i++) {
            assertThat(keyIds(source, "old")).containsExactly("old");
            now.set(now.get().plusSeconds(5));
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aRotatedKeyIsFetchedButNotMoreThanOncePerInterval() {
        CachingJwkSource source = source();
        assertThat(keyIds(source, "old")).containsExactly("old");
        published.set(new JWKSet(List.of(OLD.toPublicJWK(), NEW.toPublicJWK())));

        now.set(now.get().plusSeconds(10));
        assertThat(keyIds(source, "new")).as("within 30 s of the last fetch: not fetched again").isEmpty();
        assertThat(fetches).hasValue(1);

        now.set(now.get().plusSeconds(25));
        assertThat(keyIds(source, "new")).containsExactly("new");
        assertThat(fetches).hasValue(2);
        assertThat(keyIds(source, "old")).containsExactly("old");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void concurrentUnknownKeyIdsShareOneFetch() {
        CachingJwkSource source = source();
        keyIds(source, "old");
        now.set(now.get().plusSeconds(60));

        List<List<String>> found = Flux.range(0, 100)
                .flatMap(i -> source.keysFor(jwt("forged-" + i)).map(JWK::getKeyID).collectList(), 50)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(found).hasSize(100).allSatisfy(ids -> assertThat(ids).isEmpty());
        assertThat(fetches).as("the first fetch and one refetch for all 100").hasValue(2);
    }

    @Test
    void keysOlderThanTheirLifetimeAreFetchedAgain() {
        CachingJwkSource source = source();
        keyIds(source, "old");
        now.set(now.get().plus(Duration.ofMinutes(11)));
        keyIds(source, "old");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailedFetchKeepsTheKeysKnownBefore() {
        CachingJwkSource source = source();
        keyIds(source, "old");
        status.set(500);
        now.set(now.get().plusSeconds(60));

        assertThat(keyIds(source, "unknown")).isEmpty();
        assertThat(fetches).hasValue(2);
        assertThat(keyIds(source, "old")).containsExactly("old");
    }

    @Test
    void withoutAnyKeysAFailedFetchIsAnError() {
        status.set(503);
        CachingJwkSource source = source();
        assertThatThrownBy(() -> keyIds(source, "old")).hasMessageContaining("503");
    }

    private static List<String> keyIds(CachingJwkSource source, String kid) {
        return source.keysFor(jwt(kid)).map(JWK::getKeyID).collectList().block(Duration.ofSeconds(10));
    }

    private static SignedJWT jwt(String kid) {
        return new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                new JWTClaimsSet.Builder().subject("s").build());
    }

}
