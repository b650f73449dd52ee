package cn.mubiao.gateway;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser sign-in against the stub's token endpoint: the authorization request (PKCE S256), the code
 * exchange (the stub checks client secret and code verifier), the session user's token relayed to the service,
 * refreshed when expired, the {@code /me} page, CSRF on changes, and logout through Keycloak's end-session
 * endpoint. The full round trip against a real Keycloak is {@code GatewaySsoIT} in infra/system-tests.
 */
class BrowserSessionTest extends GatewayTestSupport {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @AfterEach
    void normalTokenLifetime() {
        STUB.accessTokenSeconds = 300;
    }

    @Test
    void theMePageWithoutSessionRedirectsToKeycloaksAuthorizationEndpointWithPkce() {
        Browser browser = new Browser(web);
        EntityExchangeResult<byte[]> me = browser.get("/me");
        assertThat(me.getStatus().value()).isEqualTo(302);
        assertThat(me.getResponseHeaders().getLocation()).hasToString("/oauth2/authorization/keycloak");

        URI authorization = browser.get("/oauth2/authorization/keycloak").getResponseHeaders().getLocation();
        assertThat(authorization.toString()).startsWith(ISSUER + "/protocol/openid-connect/auth?");
        Map<String, String> query = query(authorization);
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", "gateway")
                .containsEntry("code_challenge_method", "S256")
                .containsKeys("code_challenge", "state", "nonce", "redirect_uri");
        assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(query.get("scope")).contains("openid");
        assertThat(query.get("redirect_uri")).endsWith("/login/oauth2/code/keycloak");
    }

    @Test
    void afterSignInTheSessionUsersTokenIsRelayedAndTheCookieIsNot() throws Exception {
        Browser browser = signedIn();

        EntityExchangeResult<byte[]> r = browser.get("/api/progress/reports?assignmentId=a");
        assertThat(r.getStatus().value()).isEqualTo(200);
        String relayed = STUB.relayedAuthorization.get();
        assertThat(relayed).startsWith("Bearer ");
        assertThat(SignedJWT.parse(relayed.substring(7)).getJWTClaimsSet().getSubject()).isEqualTo(browser.subject);
        assertThat(STUB.relayedCookie.get()).isNull();

        // the code exchange was a confidential client's, with the PKCE verifier
        Map<String, String> exchange = STUB.tokenRequests.stream()
                .filter(t -> "authorization_code".equals(t.get("grant_type"))).reduce((a, b) -> b).orElseThrow();
        assertThat(exchange).containsKey("code_verifier").containsEntry("redirect_uri", browser.redirectUri);
        assertThat(exchange.get("authorization")).startsWith("Basic ");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedBeforeItIsRelayed() throws Exception {
        STUB.accessTokenSeconds = 2;
        Browser browser = signedIn();
        browser.get("/api/progress/reports?assignmentId=a");
        String first = STUB.relayedAuthorization.get();
        int refreshesBefore = refreshes();

        Thread.sleep(2_500);
        EntityExchangeResult<byte[]> later = browser.get("/api/progress/reports?assignmentId=a");

        assertThat(later.getStatus().value()).isEqualTo(200);
        assertThat(refreshes()).isEqualTo(refreshesBefore + 1);
        String second = STUB.relayedAuthorization.get();
        assertThat(second).startsWith("Bearer ").isNotEqualTo(first);
        assertThat(SignedJWT.parse(second.substring(7)).getJWTClaimsSet().getSubject()).isEqualTo(browser.subject);
    }

    @Test
    void aSessionWhoseRefreshIsRefusedEndsWithA401Problem() throws Exception {
        STUB.accessTokenSeconds = 1;
        Browser browser = signedIn();
        STUB.refreshTokens.values().removeIf(browser.subject::equals); // Keycloak's session ended meanwhile
        Thread.sleep(1_300);

        EntityExchangeResult<byte[]> r = browser.get("/api/progress/reports?assignmentId=a");
        assertThat(r.getStatus().value()).isEqualTo(401);
        assertThat(r.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new String(r.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("登录已过期");

        assertThat(browser.get("/me").getResponseHeaders().getLocation())
                .as("the session is gone: sign in again").hasToString("/oauth2/authorization/keycloak");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMePageAndApiMeShowTheSessionUsersUnitAndRoles() throws Exception {
        Browser browser = signedIn();

        String page = browser.text("/me");
        assertThat(page).contains("当前用户").contains("Signed-in user").contains("填报员 中原区").contains("410102")
                .contains("county、reporter").doesNotContain("default-roles")
                .contains("action=\"/logout\"").contains("退出登录").contains("Sign out");
        assertThat(browser.cookies).containsKey("XSRF-TOKEN");

        browser.client().get().uri("/api/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.unit").isEqualTo("410102")
                .jsonPath("$.roles").value(roles -> assertThat((List<Object>) roles).containsExactly("county", "reporter"))
                .jsonPath("$.via").isEqualTo("session")
                .jsonPath("$.client").isEqualTo("gateway");
    }

    @Test
    void changesWithASessionNeedTheCsrfTokenButBearerCallsDoNot() throws Exception {
        Browser browser = signedIn();
        browser.text("/me"); // sets the XSRF-TOKEN cookie

        browser.client().post().uri("/api/progress/reports").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        browser.client().post().uri("/api/progress/reports").contentType(MediaType.APPLICATION_JSON)
                .header("X-XSRF-TOKEN", browser.cookies.get("XSRF-TOKEN")).bodyValue("{}")
                .exchange().expectStatus().isOk();

        web.post().uri("/api/progress/reports").header("Authorization", "Bearer " + token())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();
    }

    @Test
    void logoutEndsTheSessionAndSendsTheBrowserToKeycloaksEndSessionEndpoint() throws Exception {
        Browser browser = signedIn();
        String page = browser.text("/me");
        Matcher csrf = CSRF_INPUT.matcher(page);
        assertThat(csrf.find()).isTrue();

        browser.client().post().uri("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", "wrong")).exchange()
                .expectStatus().isForbidden();

        EntityExchangeResult<byte[]> logout = browser.client().post().uri("/logout")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("_csrf", csrf.group(1))).exchange()
                .expectStatus().isFound().expectBody().returnResult();
        URI endSession = logout.getResponseHeaders().getLocation();
        assertThat(endSession.toString()).startsWith(ISSUER + "/protocol/openid-connect/logout?");
        Map<String, String> query = query(endSession);
        assertThat(SignedJWT.parse(query.get("id_token_hint")).getJWTClaimsSet().getSubject()).isEqualTo(browser.subject);
        assertThat(query.get("post_logout_redirect_uri")).matches("http://localhost:\\d+/");

        assertThat(browser.get("/me").getResponseHeaders().getLocation()).hasToString("/oauth2/authorization/keycloak");
        assertThat(browser.get("/api/me").getStatus().value()).isEqualTo(401);
    }

    private static int refreshes() {
        return (int) STUB.tokenRequests.stream().filter(t -> "refresh_token".equals(t.get("grant_type"))).count();
    }

    /** Signs a new user in: /me, the authorization request, the stub "logs in", the callback with code and state. */
    private Browser signedIn() {
        Browser browser = new Browser(web);
        browser.get("/me");
        URI authorization = browser.get("/oauth2/authorization/keycloak").getResponseHeaders().getLocation();
        Map<String, String> query = query(authorization);
        String code = "code-" + UUID.randomUUID();
        STUB.codes.put(code, new Stub.PendingCode(query.get("code_challenge"), query.get("nonce"), browser.subject));
        browser.redirectUri = query.get("redirect_uri");

        EntityExchangeResult<byte[]> callback = browser.client().get()
                .uri(b -> b.path("/login/oauth2/code/keycloak").queryParam("code", "{code}")
                        .queryParam("state", "{state}").build(code, query.get("state")))
                .exchange().expectBody().returnResult();
        browser.remember(callback);
        assertThat(callback.getStatus().value()).as(new String(callback.getResponseBodyContent() == null ? new byte[0]
                : callback.getResponseBodyContent())).isEqualTo(302);
        assertThat(callback.getResponseHeaders().getLocation()).as("back where the user wanted to go")
                .hasToString("/me");
        return browser;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        UriComponentsBuilder.fromUri(uri).build().getQueryParams().forEach((k, v) ->
                query.put(k, java.net.URLDecoder.decode(v.getFirst(), java.nio.charset.StandardCharsets.UTF_8)));
        return query;
    }

    /** WebTestClient keeps no cookies: this does, like a browser on the gateway's host. */
    static final class Browser {
        final WebTestClient web;
        final Map<String, String> cookies = new LinkedHashMap<>();
        final String subject = "user-" + UUID.randomUUID();
        String redirectUri;

        Browser(WebTestClient web) {
            this.web = web;
        }

        WebTestClient client() {
            return web.mutate().defaultCookies(c -> cookies.forEach(c::add))
                    .entityExchangeResultConsumer(this::remember).build();
        }

        EntityExchangeResult<byte[]> get(String path) {
            return client().get().uri(path).exchange().expectBody().returnResult();
        }

        String text(String path) {
            EntityExchangeResult<byte[]> r = get(path);
            assertThat(r.getStatus().value()).isEqualTo(200);
            return new String(r.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
        }

        void remember(EntityExchangeResult<?> result) {
            for (List<ResponseCookie> values : result.getResponseCookies().values()) {
                for (ResponseCookie c : values) {
                    if (c.getMaxAge().isZero() || c.getValue().isEmpty()) {
                        cookies.remove(c.getName());
                    } else {
                        cookies.put(c.getName(), c.getValue());
                    }
                }
            }
        }
    }

}
