package cn.mubiao.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway at the edge: bearer tokens checked against Keycloak's keys (here a stub JWKS), problems for
 * missing or forged tokens, valid requests routed to the service with the token relayed unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayEdgeTest {

    static final String ISSUER = "http://keycloak.test/realms/mubiao";
    static final RSAKey KEY = newKey();
    static final AtomicReference<String> relayedAuthorization = new AtomicReference<>();
    static final HttpServer STUB = stub();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        String base = "http://127.0.0.1:" + STUB.getAddress().getPort();
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> base + "/certs");
        for (String s : List.of("TARGET", "PROGRESS", "SCORING", "NOTIFICATION")) {
            registry.add(s + "_SERVICE_URL", () -> base);
        }
    }

    @AfterAll
    static void stopStub() {
        STUB.stop(0);
    }

    @Autowired
    WebTestClient web;

    @Test
    void aValidTokenIsRoutedToTheServiceAndRelayedUnchanged() {
        String token = token(ISSUER, KEY, Instant.now().plusSeconds(300));

        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"from\":\"progress-stub\"}");

        assertThat(relayedAuthorization.get()).isEqualTo("Bearer " + token);
    }

    @Test
    void aMissingTokenIs401ProblemAtTheEdge() {
        web.get().uri("/api/progress/reports?assignmentId=a").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        web.get().uri("/api/progress/reports").header("Authorization", "Bearer " + token(ISSUER, newKey(), Instant.now().plusSeconds(300)))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anExpiredTokenOrOneFromAnotherIssuerIsRefused() {
        web.get().uri("/api/progress/reports").header("Authorization", "Bearer " + token(ISSUER, KEY, Instant.now().minusSeconds(600)))
                .exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/progress/reports").header("Authorization", "Bearer " + token("http://evil.test/realms/mubiao", KEY, Instant.now().plusSeconds(300)))
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void healthAndTheLandingPageAreOpen() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        web.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).value(b -> assertThat(b).contains("目标管理平台"));
    }

    static String token(String issuer, RSAKey key, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).subject("u-1").claim("unit", "410102")
                            .claim("realm_access", Map.of("roles", List.of("county", "reporter")))
                            .issueTime(Date.from(expires.minusSeconds(900))).expirationTime(Date.from(expires)).build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("k-" + System.nanoTime()).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/certs", x -> {
                byte[] body = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "application/json");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            server.createContext("/api/progress", x -> {
                relayedAuthorization.set(x.getRequestHeaders().getFirst("Authorization"));
                byte[] body = "{\"from\":\"progress-stub\"}".getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().add("Content-Type", "application/json");
                x.sendResponseHeaders(200, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
