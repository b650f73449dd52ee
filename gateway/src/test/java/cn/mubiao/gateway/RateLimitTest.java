package cn.mubiao.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Token buckets per user and per client (here 8 and 12 requests at once, refilled at 0.2 a second). */
class RateLimitTest extends GatewayTestSupport {

    @Test
    void aUserWhoseBucketIsEmptyGets429ProblemWithRetryAfter() {
        String token = token(); // one subject, no azp: only the user's bucket counts
        for (int i = 0; i < 8; i++) {
            web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token)
                    .exchange().expectStatus().isOk();
        }
        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", v -> assertThat(Integer.parseInt(v)).isBetween(1, 5))
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.limit").isEqualTo("user")
                .jsonPath("$.title").value(t -> assertThat((String) t).contains("请求过于频繁").contains("Too many requests"));

        // another user is not affected
        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .exchange().expectStatus().isOk();
    }

    @Test
    void aClientWhoseBucketIsEmptyGets429AcrossItsUsers() {
        String client = "script-" + UUID.randomUUID();
        for (int i = 0; i < 12; i++) {
            web.get().uri("/api/progress/reports?assignmentId=a")
                    .header("Authorization", "Bearer " + token(claims().claim("azp", client).build(), KEY))
                    .exchange().expectStatus().isOk();
        }
        web.get().uri("/api/progress/reports?assignmentId=a")
                .header("Authorization", "Bearer " + token(claims().claim("azp", client).build(), KEY))
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.limit").isEqualTo("client");

        web.get().uri("/api/progress/reports?assignmentId=a")
                .header("Authorization", "Bearer " + token(claims().claim("azp", "other-" + client).build(), KEY))
                .exchange().expectStatus().isOk();
    }
}
