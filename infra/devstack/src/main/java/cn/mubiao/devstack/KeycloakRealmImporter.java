package cn.mubiao.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Makes sure a realm exists: asks the admin REST API (token from the master realm's admin-cli with the bootstrap
 * admin's password) and POSTs the realm export JSON only when the realm is missing, so repeated starts on the same
 * data folder find the realm instead of failing or overwriting it; what the file has and such a realm lacks (a user
 * added to the file since) is added, nothing existing is touched.
 */
final class KeycloakRealmImporter {

    private static final Logger log = LoggerFactory.getLogger(KeycloakRealmImporter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String baseUrl;
    private final String adminUser;
    private final String adminPassword;

    KeycloakRealmImporter(HttpClient http, String baseUrl, String adminUser, String adminPassword) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** @return true when the realm was imported now, false when it already existed */
    boolean ensureRealm(byte[] realmJson) {
        String realm = realmName(realmJson);
        String token = adminToken();
        HttpResponse<String> existing = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/"
                + URLEncoder.encode(realm, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token)
                .GET());
        if (existing.statusCode() == 200) {
            addMissing(realm, realmJson, token);
            return false;
        }
        if (existing.statusCode() != 404) {
            throw new IllegalStateException("cannot look up realm '" + realm + "': HTTP " + existing.statusCode()
                    + " " + existing.body());
        }
        long started = System.nanoTime();
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(realmJson)));
        if (created.statusCode() == 409) {
            log.info("Keycloak realm '{}' was created concurrently - keeping it", realm);
            return false;
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException("importing realm '" + realm + "' failed: HTTP " + created.statusCode()
                    + " " + created.body());
        }
        log.info("Keycloak realm '{}' imported in {} ms", realm,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return true;
    }

    /**
     * On a realm that exists already, adds what the realm file has and the realm lacks (a demo user or client added
     * to the file since) and leaves everything that exists as it is (Keycloak's partial import, SKIP).
     */
    private void addMissing(String realm, byte[] realmJson, String token) {
        ObjectNode partial = JSON.createObjectNode().put("ifResourceExists", "SKIP");
        try {
            JsonNode file = JSON.readTree(realmJson);
            for (String part : new String[]{"roles", "groups", "clients", "users"}) {
                if (file.has(part)) {
                    partial.set(part, file.get(part));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the realm file is not valid JSON", e);
        }
        HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/"
                        + URLEncoder.encode(realm, StandardCharsets.UTF_8) + "/partialImport"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(partial.toString(), StandardCharsets.UTF_8)));
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("adding to realm '" + realm + "' failed: HTTP " + imported.statusCode()
                    + " " + imported.body());
        }
        try {
            log.info("Keycloak realm '{}' already present - added {} missing resources from the realm file", realm,
                    JSON.readTree(imported.body()).path("added").asInt());
        } catch (IOException e) {
            log.info("Keycloak realm '{}' already present - missing resources added", realm);
        }
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli"
                + "&username=" + URLEncoder.encode(adminUser, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin login failed: HTTP " + response.statusCode() + " "
                    + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("unexpected token response: " + response.body(), e);
        }
    }

    static String realmName(byte[] realmJson) {
        try {
            JsonNode name = JSON.readTree(realmJson).get("realm");
            if (name == null || name.asText().isBlank()) {
                throw new IllegalArgumentException("the realm file has no \"realm\" name");
            }
            return name.asText();
        } catch (IOException e) {
            throw new IllegalArgumentException("the realm file is not valid JSON", e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a Keycloak admin API call", e);
        }
    }
}
