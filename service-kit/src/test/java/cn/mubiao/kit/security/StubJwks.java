package cn.mubiao.kit.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on the JDK's HTTP server that counts how often it is fetched, and tokens signed for it. */
final class StubJwks implements AutoCloseable {

    static final String ISSUER = "http://keycloak.test/realms/mubiao";

    private final HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile List<JWK> served;

    private StubJwks(List<RSAKey> keys) {
        served = keys.stream().<JWK>map(RSAKey::toPublicJWK).toList();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = new JWKSet(served).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    static StubJwks serving(RSAKey... keys) {
        return new StubJwks(List.of(keys));
    }

    static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** From now on the endpoint serves these keys (a key rotation at Keycloak). */
    void serve(RSAKey... keys) {
        served = List.of(keys).stream().<JWK>map(RSAKey::toPublicJWK).toList();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
    }

    int fetches() {
        return fetches.get();
    }

    /** A Keycloak-shaped access token of the city office, signed by {@code key} under {@code kid}. */
    static String token(RSAKey key, String kid, String issuer, Instant expiresAt) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("sub-city-office")
                .claim("preferred_username", "city-office").claim("unit", "410100").claim("azp", "mubiao-cli")
                .claim("realm_access", Map.of("roles", List.of("city", "target-office")))
                .issueTime(Date.from(expiresAt.minusSeconds(300))).expirationTime(Date.from(expiresAt)).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static String token(RSAKey key) {
        return token(key, key.getKeyID(), ISSUER, Instant.now().plusSeconds(300));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
