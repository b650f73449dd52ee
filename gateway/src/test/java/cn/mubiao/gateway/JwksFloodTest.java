package cn.mubiao.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged tokens with random key ids must not make the gateway hammer Keycloak: the stub JWKS counts its fetches
 * while 200 such tokens arrive, 20 at a time.
 */
class JwksFloodTest extends GatewayTestSupport {

    @LocalServerPort
    int port;

    @Test
    void twoHundredTokensWithUnknownKeyIdsFetchTheKeysAtMostOnce() {
        // the keys are known (fetched once for this context at most)
        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .exchange().expectStatus().isOk();
        STUB.jwksFetches.set(0);

        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<Integer> statuses = Flux.range(0, 200)
                .flatMap(i -> client.get().uri("/api/progress/reports?assignmentId=a")
                        .header("Authorization", "Bearer " + TestTokens.sign(claims().build(), KEY, "forged-" + UUID.randomUUID()))
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 20)
                .collectList().block(Duration.ofSeconds(120));

        assertThat(statuses).hasSize(200).containsOnly(401);
        assertThat(STUB.jwksFetches.get()).as("JWKS fetches during the flood").isLessThanOrEqualTo(1);

        // genuine tokens still pass, from the cache
        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .exchange().expectStatus().isOk();
        assertThat(STUB.jwksFetches.get()).isLessThanOrEqualTo(1);
    }
}
