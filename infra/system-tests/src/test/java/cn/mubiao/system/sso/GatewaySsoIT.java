package cn.mubiao.system.sso;

import cn.mubiao.system.PlatformAccess;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser sign-in at the gateway against the real Keycloak of the devstack, as a browser does it with a
 * cookie jar: /me sends it to Keycloak's login page (authorization code with PKCE), the user signs in, the gateway
 * redeems the code and keeps a session; /me shows the user's unit and roles; API calls with the session cookie
 * reach the service with the user's token; logout ends the gateway session and, through Keycloak's end-session
 * endpoint, the Keycloak session too.
 */
class GatewaySsoIT {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static String gateway;
    static String keycloak;

    @BeforeAll
    static void platform() throws Exception {
        PlatformAccess platform = PlatformAccess.embedded();
        gateway = platform.gatewayUrl();
        keycloak = platform.keycloakUrl();
    }

    @Test
    void aBrowserSignsInAtKeycloakUsesTheApiWithItsSessionAndLogsOutOfBoth() throws Exception {
        Browser browser = new Browser();

        // /me without a session: to the gateway's login start, then to Keycloak with PKCE
        HttpResponse<String> me = browser.get(gateway + "/me");
        assertThat(me.statusCode()).isEqualTo(302);
        URI loginStart = browser.location(me);
        assertThat(loginStart.getPath()).isEqualTo("/oauth2/authorization/keycloak");
        HttpResponse<String> toKeycloak = browser.get(loginStart.toString());
        assertThat(toKeycloak.statusCode()).isEqualTo(302);
        URI authorize = browser.location(toKeycloak);
        assertThat(authorize.toString()).startsWith(keycloak + "/realms/mubiao/protocol/openid-connect/auth?");
        Map<String, String> query = query(authorize);
        assertThat(query).containsEntry("client_id", "gateway").containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge");

        // Keycloak's login page, the user's credentials, back to the gateway with the code
        HttpResponse<String> loginPage = browser.get(authorize.toString());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        String action = loginAction(loginPage.body());
        HttpResponse<String> signedIn = browser.postForm(action, Map.of("username", "zy-reporter",
                "password", "demo123", "credentialId", ""));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        URI callback = browser.location(signedIn);
        assertThat(callback.toString()).startsWith(gateway + "/login/oauth2/code/keycloak?");
        HttpResponse<String> afterCallback = browser.get(callback.toString());
        assertThat(afterCallback.statusCode()).as(afterCallback.body()).isEqualTo(302);
        assertThat(browser.location(afterCallback).getPath()).isEqualTo("/me");

        // the page of the signed-in user
        HttpResponse<String> page = browser.get(gateway + "/me");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("中原区").contains("410102").contains("reporter").contains("zy-reporter")
                .contains("退出登录");
        HttpResponse<String> apiMe = browser.get(gateway + "/api/me");
        assertThat(apiMe.statusCode()).isEqualTo(200);
        assertThat(apiMe.body()).contains("\"unit\":\"410102\"").contains("\"via\":\"session\"")
                .contains("\"client\":\"gateway\"");

        // the session reaches the service with the user's token: progress-service's own 404 for an unknown assignment
        HttpResponse<String> relayed = browser.get(gateway + "/api/progress/reports?assignmentId=x");
        assertThat(relayed.statusCode()).as(relayed.body()).isEqualTo(404);
        assertThat(relayed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));
        HttpResponse<String> anonymous = new Browser().get(gateway + "/api/progress/reports?assignmentId=x");
        assertThat(anonymous.statusCode()).isEqualTo(401);

        // logout: the gateway's session ends and the browser goes through Keycloak's end-session endpoint
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> logout = browser.postForm(gateway + "/logout", Map.of("_csrf", csrf.group(1)));
        assertThat(logout.statusCode()).isEqualTo(302);
        URI endSession = browser.location(logout);
        assertThat(endSession.toString()).startsWith(keycloak + "/realms/mubiao/protocol/openid-connect/logout?")
                .contains("id_token_hint=").contains("post_logout_redirect_uri=");
        HttpResponse<String> loggedOut = browser.get(endSession.toString());
        assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(302);
        assertThat(browser.location(loggedOut).toString()).isEqualTo(gateway + "/");

        assertThat(browser.get(gateway + "/api/progress/reports?assignmentId=x").statusCode()).isEqualTo(401);
        assertThat(gatewaySessionsAtKeycloak()).as("Keycloak sessions of the gateway client").isZero();

        // signing in again asks for the password: Keycloak's SSO session is gone too
        HttpResponse<String> again = browser.get(gateway + "/me");
        assertThat(again.statusCode()).isEqualTo(302);
        HttpResponse<String> againToKeycloak = browser.get(browser.location(again).toString());
        HttpResponse<String> againAtKeycloak = browser.get(browser.location(againToKeycloak).toString());
        assertThat(againAtKeycloak.statusCode()).as("a login page, not a redirect back with a code").isEqualTo(200);
        assertThat(againAtKeycloak.body()).contains("kc-form-login");
    }

    /** Active user sessions of the realm's gateway client, asked through the admin API. */
    private static int gatewaySessionsAtKeycloak() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String tokenBody = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin")))).build(), HttpResponse.BodyHandlers.ofString()).body();
        String adminToken = tokenBody.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        String clients = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/mubiao/clients?clientId=gateway"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString()).body();
        String clientUuid = clients.replaceAll("(?s)^\\[\\{\"id\":\"([^\"]+)\".*", "$1");
        String sessions = http.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/mubiao/clients/"
                        + clientUuid + "/user-sessions")).header("Authorization", "Bearer " + adminToken).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(sessions).startsWith("[");
        return sessions.equals("[]") ? 0 : sessions.split("\"id\"").length - 1;
    }

    private static String loginAction(String html) {
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            if (forms.group().contains("kc-form-login")) {
                Matcher action = ACTION.matcher(forms.group());
                assertThat(action.find()).as(forms.group()).isTrue();
                return action.group(1).replace("&amp;", "&");
            }
        }
        throw new AssertionError("no login form on Keycloak's page:\n" + html);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /**
     * A browser: keeps cookies per host, follows no redirect by itself (the test follows them one by one). Like
     * browsers, it takes plain-http loopback addresses for a secure context, so Keycloak's {@code Secure} cookies
     * come back to it (Java's cookie manager alone sends them over https only).
     */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackIsSecure())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/html,application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String url, Map<String, String> fields) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        }

        private static final class LoopbackIsSecure extends CookieHandler {
            private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

            @Override
            public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
                boolean loopback = "http".equals(uri.getScheme())
                        && ("localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost()));
                return cookies.get(loopback ? URI.create("https" + uri.toString().substring("http".length())) : uri,
                        requestHeaders);
            }

            @Override
            public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
                cookies.put(uri, responseHeaders);
            }
        }

        URI location(HttpResponse<String> response) {
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new AssertionError("no Location in " + response.statusCode() + " " + response.body()));
            return response.uri().resolve(location);
        }
    }
}
