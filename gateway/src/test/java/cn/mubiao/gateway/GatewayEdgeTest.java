package cn.mubiao.gateway;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveHopByHopHeadersFilter;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway at the edge: bearer tokens checked against Keycloak's keys (here a stub JWKS), problems for
 * missing or forged tokens, valid requests routed to the service with the token relayed unchanged; request ids,
 * security headers, CORS and the body size limit.
 */
class GatewayEdgeTest extends GatewayTestSupport {

    @LocalServerPort
    int port;

    @Test
    void aValidTokenIsRoutedToTheServiceAndRelayedUnchanged() {
        String token = token();

        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token)
                .cookie("SESSION", "not-for-the-service")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"from\":\"progress-stub\"}");

        assertThat(STUB.relayedAuthorization.get()).isEqualTo("Bearer " + token);
        assertThat(STUB.relayedCookie.get()).as("cookies stay at the gateway").isNull();
    }

    @Autowired
    List<HttpHeadersFilter> headersFilters;

    @Test
    void routedHeadersLoseTheirHopByHopOnesThroughTheFilterThatCopiesOnlyWhenThereAreAny() {
        assertThat(headersFilters).filteredOn(f -> f instanceof RemoveHopByHopHeadersFilter).singleElement()
                .extracting(f -> f.getClass().getSimpleName()).isEqualTo("CopyOnlyWhenNeeded");
    }

    @Test
    void aChangeWithoutAnyCredentialIs401NotACsrfRefusal() {
        web.post().uri("/api/progress/reports").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.put().uri("/api/targets/assignments/x").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aMissingTokenIs401ProblemAtTheEdgeNeverALoginRedirect() {
        web.get().uri("/api/progress/reports?assignmentId=a").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);

        web.get().uri("/api/progress/reports?assignmentId=a").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist("Location")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        web.get().uri("/api/progress/reports").header("Authorization", "Bearer " + token(claims().build(), Stub.newKey()))
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anExpiredTokenOrOneFromAnotherIssuerIsRefused() {
        String expired = token(claims().issueTime(Date.from(Instant.now().minusSeconds(1200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build(), KEY);
        web.get().uri("/api/progress/reports").header("Authorization", "Bearer " + expired)
                .exchange().expectStatus().isUnauthorized();
        String foreign = token(claims().issuer("http://evil.test/realms/mubiao").build(), KEY);
        web.get().uri("/api/progress/reports").header("Authorization", "Bearer " + foreign)
                .exchange().expectStatus().isUnauthorized();
    }

    @Autowired
    WebFilterChainProxy securityEntry;

    @Test
    void springSecuritysEntryFilterChoosesTheChainInPlainSteps() {
        assertThat(securityEntry.getClass().getSimpleName()).isEqualTo("PlainSecurityChains");
    }

    @Test
    void aLevelCheckOfALoggerPassesNoTurboFilter() {
        // Micrometer's log event meter would install one, asked on every isDebugEnabled of every logger
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        assertThat(logging.getTurboFilterList()).isEmpty();
    }

    @Test
    void healthAndTheLandingPageAreOpen() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        web.get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).value(b -> assertThat(b).contains("目标管理平台"));
    }

    @Test
    void onlyHealthAndTheLandingPageAreOpenWithOrWithoutABearerToken() {
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        web.get().uri("/index.html").exchange().expectStatus().isOk();
        web.get().uri("/actuator/health").header("Authorization", "Bearer " + token()).exchange()
                .expectStatus().isOk();
        // near misses are not open: a login redirect for pages, a 401 problem for the API
        web.get().uri("/actuator/healthz").exchange().expectStatus().is3xxRedirection();
        web.get().uri("/actuator/info").exchange().expectStatus().is3xxRedirection();
        web.get().uri("/api/actuator/health").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aPathNoServiceServesIsA404Problem() {
        web.get().uri("/api/nothing-here").header("Authorization", "Bearer " + token()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void aRequestIdIsGeneratedPassedToTheServiceAndReturnedOnce() {
        EntityExchangeResult<byte[]> result = web.get().uri("/api/progress/reports?assignmentId=a")
                .header("Authorization", "Bearer " + token())
                .exchange().expectStatus().isOk().expectBody().returnResult();

        assertThat(result.getResponseHeaders().get("X-Request-Id")).as("one value although the service echoes it")
                .hasSize(1);
        String id = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(STUB.relayedRequestId.get()).isEqualTo(id);
    }

    @Test
    void theServiceLearnsTheCallersAddressAndAnAddressTheClientPlantedIsNotBelieved() {
        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .exchange().expectStatus().isOk();

        assertThat(STUB.relayedForwardedFor.get()).as("the peer's address, once").doesNotContain("6.6.6.6")
                .matches("[0-9a-fA-F.:]+");
        assertThat(STUB.relayedForwardedHost.get()).doesNotContain("evil.example").isNotBlank();
    }

    @Test
    void forwardedHeadersAClientPlantsThatNoServiceReadsAreDroppedTooAndCleanCallsGetNone() {
        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .header("X-Forwarded-Prefix", "/evil").header("x-forwarded-port", "1").header("Forwarded", "for=6.6.6.6")
                .exchange().expectStatus().isOk();
        assertThat(STUB.relayedOtherForwarded.get()).isEmpty();

        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .exchange().expectStatus().isOk();
        assertThat(STUB.relayedOtherForwarded.get()).isEmpty();
        assertThat(STUB.relayedForwardedFor.get()).matches("[0-9a-fA-F.:]+");
    }

    @Test
    void aHeaderNobodyReadsIsStillCheckedByTheFirewallAndAControlCharacterRejected() {
        int before = STUB.progressCalls.get();
        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .header("X-Note", "a\u0085b")
                .exchange().expectStatus().isBadRequest();
        assertThat(STUB.progressCalls.get()).as("never reaches the service").isEqualTo(before);
    }

    @Test
    void aWellFormedIncomingRequestIdIsKeptAndAMalformedOneReplaced() {
        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .header("X-Request-Id", "console-42.a:b_c")
                .exchange().expectStatus().isOk().expectHeader().valueEquals("X-Request-Id", "console-42.a:b_c");
        assertThat(STUB.relayedRequestId.get()).isEqualTo("console-42.a:b_c");

        String malformed = "<script>alert(1)</script>";
        EntityExchangeResult<byte[]> result = web.get().uri("/api/progress/reports?assignmentId=a")
                .header("Authorization", "Bearer " + token()).header("X-Request-Id", malformed)
                .exchange().expectStatus().isOk().expectBody().returnResult();
        String id = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(id).isNotEqualTo(malformed);
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(STUB.relayedRequestId.get()).isEqualTo(id);

        // problems made by the gateway carry it too
        web.get().uri("/api/progress/reports").header("X-Request-Id", "trace-7").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Request-Id", "trace-7")
                .expectBody().jsonPath("$.requestId").isEqualTo("trace-7");
    }

    @Test
    void securityHeadersAreOnPagesAndOnServiceAnswers() {
        web.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "same-origin")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("default-src 'self'").contains("frame-ancestors 'none'")
                        .contains("form-action 'self' " + ISSUER))
                .expectHeader().doesNotExist("Strict-Transport-Security"); // plain http

        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().exists("Content-Security-Policy");
    }

    @Test
    void corsPreflightIsAllowedForTheConsoleOriginAndRefusedForAnother() {
        web.options().uri("/api/progress/reports")
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173")
                .expectHeader().valueEquals("Access-Control-Allow-Credentials", "true")
                .expectHeader().value("Access-Control-Allow-Methods", m -> assertThat(m).contains("POST"));

        web.options().uri("/api/progress/reports")
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist("Access-Control-Allow-Origin");

        web.get().uri("/api/progress/reports?assignmentId=a").header("Authorization", "Bearer " + token())
                .header("Origin", "http://localhost:5173").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://localhost:5173")
                .expectHeader().value("Access-Control-Expose-Headers", h -> assertThat(h).contains("X-Request-Id"));
    }

    @Test
    void aBodyAboveTheLimitIs413ProblemAndOneWithinReachesTheService() {
        web.post().uri("/api/progress/reports").header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[1024 * 1024 + 1])
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413).jsonPath("$.maxBytes").isEqualTo(1024 * 1024);

        STUB.relayedBodyBytes.set(-1);
        web.post().uri("/api/progress/reports").header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[100_000])
                .exchange().expectStatus().isOk();
        assertThat(STUB.relayedBodyBytes.get()).isEqualTo(100_000);
    }

    @Test
    void aChunkedBodyAboveTheLimitIs413ProblemToo() throws Exception {
        STUB.relayedBodyBytes.set(-1);
        // an input stream body has no Content-Length: it goes chunked, and the limit is found while reading
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/progress/reports"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[2 * 1024 * 1024])))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":413");
        assertThat(STUB.relayedBodyBytes.get()).as("nothing reached the service").isEqualTo(-1);
    }

    @Test
    void apiMeAndTheMePageAnswerBearerCallers() {
        String token = token(claims().claim("azp", "mubiao-cli").claim("name", "填报员 中原区").build(), KEY);
        web.get().uri("/api/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("zy-reporter")
                .jsonPath("$.unit").isEqualTo("410102")
                .jsonPath("$.roles[0]").isEqualTo("county")
                .jsonPath("$.roles[1]").isEqualTo("reporter")
                .jsonPath("$.client").isEqualTo("mubiao-cli")
                .jsonPath("$.via").isEqualTo("bearer");

        web.get().uri("/me").header("Authorization", "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("当前用户").contains("Signed-in user").contains("410102").contains("reporter")
                        .contains("填报员 中原区").doesNotContain("action=\"/logout\""));
    }
}
