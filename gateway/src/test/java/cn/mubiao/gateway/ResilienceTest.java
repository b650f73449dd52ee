package cn.mubiao.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Circuit breakers per route with a 503 problem naming the service: {@code down-service} points at a closed port,
 * {@code slow-service} answers after 1.5 s but its route waits 300 ms; breakers here open after 4 calls of which
 * half failed, and stay open 60 s.
 */
class ResilienceTest extends GatewayTestSupport {

    @Test
    void aServiceThatIsDownGets503ProblemNamingItAndItsBreakerOpens() {
        for (int i = 0; i < 4; i++) {
            web.get().uri("/api/down/things").header("Authorization", "Bearer " + token()).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().doesNotExist("Retry-After")
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.service").isEqualTo("down-service")
                    .jsonPath("$.instance").isEqualTo("/api/down/things")
                    .jsonPath("$.title").isEqualTo("服务暂不可用 / Service unavailable")
                    .jsonPath("$.detail").value(d -> assertThat((String) d).contains("down-service"));
        }
        // four failures out of four: the breaker is open, the service is not even tried
        web.get().uri("/api/down/things").header("Authorization", "Bearer " + token()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "60")
                .expectBody().jsonPath("$.service").isEqualTo("down-service")
                .jsonPath("$.instance").isEqualTo("/api/down/things");

        // other routes keep their own breakers
        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .exchange().expectStatus().isOk();
    }

    @Test
    void aServiceSlowerThanItsResponseTimeoutGets503Problem() {
        long started = System.nanoTime();
        web.get().uri("/api/slow/things").header("Authorization", "Bearer " + token()).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("slow-service");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(millis).as("answered after the route's 300 ms, not the service's 1.5 s").isLessThan(1_400);
    }

    @Test
    void theFallbackCannotBeCalledDirectly() {
        web.get().uri("/fallback/progress-service").header("Authorization", "Bearer " + token()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
