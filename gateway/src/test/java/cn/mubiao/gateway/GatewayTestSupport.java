package cn.mubiao.gateway;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway on a random port against {@link Stub}, with small limits so tests reach them quickly. Every test
 * class extends this one, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTestSupport {

    static final Stub STUB = Stub.INSTANCE;
    static final String ISSUER = Stub.ISSUER;
    static final RSAKey KEY = Stub.KEY;
    static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void gatewayAgainstTheStub(DynamicPropertyRegistry registry) {
        String base = STUB.base();
        registry.add("mubiao.gateway.keycloak.issuer-uri", () -> ISSUER);
        registry.add("mubiao.gateway.keycloak.jwk-set-uri", () -> base + "/certs");
        registry.add("mubiao.gateway.keycloak.backchannel-uri", () -> base + "/realms/mubiao");
        registry.add("mubiao.gateway.sso.refresh-before-expiry", () -> "0s");
        for (String s : List.of("TARGET", "PROGRESS", "SCORING", "NOTIFICATION")) {
            registry.add(s + "_SERVICE_URL", () -> base);
        }
        registry.add("mubiao.gateway.routing.routes.slow-service.uri", () -> base);
        registry.add("mubiao.gateway.routing.routes.slow-service.path", () -> "/api/slow/**");
        registry.add("mubiao.gateway.routing.routes.slow-service.response-timeout", () -> "300ms");
        registry.add("mubiao.gateway.routing.routes.down-service.uri", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("mubiao.gateway.routing.routes.down-service.path", () -> "/api/down/**");
        registry.add("mubiao.gateway.routing.circuit-breaker.sliding-window-size", () -> "4");
        registry.add("mubiao.gateway.routing.circuit-breaker.minimum-number-of-calls", () -> "4");
        registry.add("mubiao.gateway.routing.circuit-breaker.wait-in-open-state", () -> "60s");
        registry.add("mubiao.gateway.rate-limit.per-user.capacity", () -> "8");
        registry.add("mubiao.gateway.rate-limit.per-user.refill-per-second", () -> "0.2");
        registry.add("mubiao.gateway.rate-limit.per-client.capacity", () -> "12");
        registry.add("mubiao.gateway.rate-limit.per-client.refill-per-second", () -> "0.2");
        registry.add("mubiao.gateway.max-request-size", () -> "1MB");
    }

    @Autowired
    WebTestClient web;

    /** A county reporter's token of 中原区 with a subject of its own (so rate limits of other tests do not count). */
    static String token() {
        return token(claims().build(), KEY);
    }

    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).subject("u-" + UUID.randomUUID()).claim("unit", "410102")
                .claim("preferred_username", "zy-reporter")
                .claim("realm_access", Map.of("roles", List.of("county", "reporter")))
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plusSeconds(300)));
    }

    static String token(JWTClaimsSet claims, RSAKey key) {
        return TestTokens.sign(claims, key);
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
