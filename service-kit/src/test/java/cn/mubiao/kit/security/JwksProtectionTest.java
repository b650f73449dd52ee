package cn.mubiao.kit.security;

import cn.mubiao.kit.testing.InMemoryMongo;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.jwk.RSAKey;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The services' JWT decoder against a JWKS endpoint that counts its fetches: keys are cached, forged tokens with
 * unknown key ids cannot make the service refetch more than the rate limit allows, and validation still holds.
 * Runs with the default settings (30 s refresh interval).
 */
@SpringBootTest(classes = JwksProtectionTest.App.class,
        properties = {"spring.application.name=kit-jwks", "mubiao.events.relay-interval=1h"})
@AutoConfigureMockMvc
class JwksProtectionTest {

    private static final RSAKey KEYCLOAK = StubJwks.newKey("keycloak-1");
    private static final RSAKey ATTACKER = StubJwks.newKey("attacker");
    private static final StubJwks JWKS = StubJwks.serving(KEYCLOAK);

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/whoami")
        String whoami(@CurrentCaller Caller caller) {
            return caller.username() + "@" + caller.unit();
        }

        @PutMapping("/things/{id}")
        String update(@PathVariable String id) {
            return id;
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("kit-jwks"));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> StubJwks.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", JWKS::uri);
    }

    @AfterAll
    static void stop() {
        JWKS.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JwtDecoder decoder;
    @Autowired
    JwksProperties settings;
    @Autowired
    MongoDatabase db;

    @Test
    void theServiceUsesTheRateLimitedDecoderWithA30SecondIntervalByDefault() {
        assertThat(decoder).isInstanceOf(VerifiedTokenCache.class);
        assertThat(settings.jwksRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.jwksCacheTtl()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void twoHundredTokensWithUnknownKeyIdsCauseAtMostTwoFetchesAndAreAllRefusedWhileValidTokensStillPass()
            throws Exception {
        mvc.perform(get("/whoami").header("Authorization", "Bearer " + StubJwks.token(KEYCLOAK)))
                .andExpect(status().isOk()).andExpect(content().string("city-office@410100"));

        for (int i = 0; i < 200; i++) {
            String forged = StubJwks.token(ATTACKER, "kid-" + UUID.randomUUID(), StubJwks.ISSUER,
                    Instant.now().plusSeconds(300));
            mvc.perform(get("/whoami").header("Authorization", "Bearer " + forged))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }

        mvc.perform(get("/whoami").header("Authorization", "Bearer " + StubJwks.token(KEYCLOAK)))
                .andExpect(status().isOk()).andExpect(content().string("city-office@410100"));
        assertThat(JWKS.fetches()).isBetween(1, 2);
    }

    @Test
    void anExpiredTokenIsRefusedWithA401Problem() throws Exception {
        String expired = StubJwks.token(KEYCLOAK, KEYCLOAK.getKeyID(), StubJwks.ISSUER, Instant.now().minusSeconds(600));

        mvc.perform(get("/whoami").header("Authorization", "Bearer " + expired))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedWithA401Problem() throws Exception {
        String foreign = StubJwks.token(KEYCLOAK, KEYCLOAK.getKeyID(), "http://elsewhere.test/realms/mubiao",
                Instant.now().plusSeconds(300));

        mvc.perform(get("/whoami").header("Authorization", "Bearer " + foreign))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheKnownKeyIdIsRefused() throws Exception {
        String forged = StubJwks.token(ATTACKER, KEYCLOAK.getKeyID(), StubJwks.ISSUER, Instant.now().plusSeconds(300));

        mvc.perform(get("/whoami").header("Authorization", "Bearer " + forged))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aWriteWithARealBearerTokenIsAuditedUnderItsUser() throws Exception {
        String id = "thing-" + UUID.randomUUID();

        mvc.perform(put("/things/" + id).header("Authorization", "Bearer " + StubJwks.token(KEYCLOAK)))
                .andExpect(status().isOk());

        Document entry = db.getCollection("audit_log").find(Filters.eq("objectIds", id)).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("username")).isEqualTo("city-office");
        assertThat(entry.getString("unit")).isEqualTo("410100");
        assertThat(entry.getString("clientId")).isEqualTo("mubiao-cli");
        assertThat(entry.getList("roles", String.class)).containsExactly("city", "target-office");
    }

    @Test
    void afterAFloodARotatedKeyIsPickedUpOnceTheIntervalHasPassed() throws Exception {
        RSAKey rotated = StubJwks.newKey("keycloak-2");
        List<String> forged = IntStream.range(0, 20).mapToObj(i ->
                StubJwks.token(ATTACKER, "kid-" + i, StubJwks.ISSUER, Instant.now().plusSeconds(300))).toList();
        String fresh = StubJwks.token(rotated);
        try (StubJwks jwks = StubJwks.serving(KEYCLOAK)) {
            JwtDecoder limited = JwtDecoderConfiguration.decoder(jwks.uri(), StubJwks.ISSUER, List.of("RS256"), List.of(),
                    new JwksProperties(Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(5), 16));
            assertThat(limited.decode(StubJwks.token(KEYCLOAK)).getClaimAsString("unit")).isEqualTo("410100");
            for (String token : forged) {
                assertThatThrownBy(() -> limited.decode(token)).isInstanceOf(BadJwtException.class);
            }
            assertThat(jwks.fetches()).isEqualTo(2); // the first fetch, and one refetch for the first unknown key id

            jwks.serve(KEYCLOAK, rotated);
            assertThatThrownBy(() -> limited.decode(fresh)).isInstanceOf(BadJwtException.class);
            assertThat(jwks.fetches()).isEqualTo(2);

            Thread.sleep(2_100);
            assertThat(limited.decode(fresh).getClaimAsString("preferred_username")).isEqualTo("city-office");
            assertThat(jwks.fetches()).isEqualTo(3);
            assertThat(limited.decode(StubJwks.token(KEYCLOAK)).getSubject()).isEqualTo("sub-city-office");
        }
    }
}
