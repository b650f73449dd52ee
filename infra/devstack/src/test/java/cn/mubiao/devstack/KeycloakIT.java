package cn.mubiao.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak from the real distribution with the real realm file: the tokens and admin API calls the services rely on.
 * The last test restarts the stack on the same data folder (realm found, not imported again; changes kept).
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path dataDir;
    private static int keycloakPort;
    private static DevStack stack;

    @BeforeAll
    static void startStack() {
        keycloakPort = Ports.freePort();
        stack = start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        HTTP.close();
    }

    @Test
    @Order(1)
    void passwordGrantTokenOfACountyReporterCarriesUnitAndRealmRoles() throws Exception {
        JsonNode token = tokenResponse(Map.of("grant_type", "password", "client_id", "mubiao-cli",
                "username", "zy-reporter", "password", "demo123", "scope", "openid"));

        JsonNode access = claims(token.path("access_token").asText());
        assertThat(access.path("unit").asText()).isEqualTo("410102");
        assertThat(roles(access)).contains("reporter", "county").doesNotContain("leader", "city");
        assertThat(access.path("preferred_username").asText()).isEqualTo("zy-reporter");
        assertThat(access.path("iss").asText()).isEqualTo(stack.keycloakUrl() + "/realms/mubiao");
        assertThat(access.path("exp").asLong() - access.path("iat").asLong()).isEqualTo(1800);
        JsonNode id = claims(token.path("id_token").asText());
        assertThat(id.path("unit").asText()).isEqualTo("410102");
        assertThat(id.path("family_name").asText()).isEqualTo("中原区");
    }

    @Test
    @Order(2)
    void userinfoCarriesTheUnitOfADepartmentUser() throws Exception {
        String accessToken = tokenResponse(Map.of("grant_type", "password", "client_id", "mubiao-cli",
                "username", "fgw-reporter", "password", "demo123", "scope", "openid"))
                .path("access_token").asText();

        HttpResponse<String> userinfo = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl()
                        + "/protocol/openid-connect/userinfo")).header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(userinfo.body()).path("unit").asText()).isEqualTo("410100-FGW");
    }

    @Test
    @Order(3)
    void provinceClientCredentialsTokenCarriesTheProvinceRoleAndUnit() throws Exception {
        JsonNode access = claims(tokenResponse(Map.of("grant_type", "client_credentials", "client_id", "province",
                "client_secret", "province-secret")).path("access_token").asText());

        assertThat(roles(access)).contains("province");
        assertThat(access.path("unit").asText()).isEqualTo("410000");
        assertThat(access.path("azp").asText()).isEqualTo("province");
    }

    @Test
    @Order(4)
    void notificationServiceFindsUsersByUnitAndSeesTheirPhone() throws Exception {
        String accessToken = tokenResponse(Map.of("grant_type", "client_credentials",
                "client_id", "notification-service", "client_secret", "notification-secret"))
                .path("access_token").asText();

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                                + "/admin/realms/mubiao/users?q=" + URLEncoder.encode("unit:410102", StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> phoneByUser = stream(JSON.readTree(response.body())).collect(Collectors.toMap(
                user -> user.path("username").asText(),
                user -> user.path("attributes").path("phone").path(0).asText()));
        assertThat(phoneByUser).containsExactlyInAnyOrderEntriesOf(Map.of(
                "zy-reporter", "13800000011", "zy-leader", "13800000012"));
    }

    @Test
    @Order(5)
    void gatewayLoginRequiresPkce() throws Exception {
        String authorize = realmUrl() + "/protocol/openid-connect/auth?client_id=gateway&response_type=code"
                + "&scope=openid&redirect_uri=" + URLEncoder.encode("http://localhost:8080/login/oauth2/code/keycloak",
                StandardCharsets.UTF_8);

        HttpResponse<String> withoutPkce = HTTP.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withPkce = HTTP.send(HttpRequest.newBuilder(URI.create(authorize
                        + "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(withoutPkce.statusCode()).isEqualTo(302);
        assertThat(withoutPkce.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location)
                .startsWith("http://localhost:8080/").contains("error=invalid_request").contains("code_challenge"));
        assertThat(withPkce.statusCode()).as("login page").isEqualTo(200);
    }

    @Test
    @Order(6)
    void theKeycloakDatabaseLivesInTheDataFolderNotInTheSharedCache() throws Exception {
        assertThat(dataDir.resolve("keycloak/h2/keycloakdb.mv.db")).exists();
        assertThat(dataDir.resolve("keycloak/keycloak.log")).exists();
        long pid = Long.parseLong(Files.readString(dataDir.resolve("keycloak/keycloak.pid")).strip());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());
        Path home = KeycloakDistribution.cacheRoot(null).resolve("keycloak-" + BuildInfo.keycloakVersion());
        assertThat(home.resolve("data/h2")).doesNotExist();
    }

    @Test
    @Order(7)
    void secondStartOnTheSameDataFolderFindsTheRealmWithItsChanges() throws Exception {
        String adminToken = adminToken();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                                + "/admin/realms/mubiao/users"))
                        .header("Authorization", "Bearer " + adminToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"it-marker\",\"enabled\":true,"
                                + "\"email\":\"it-marker@demo.mubiao.local\",\"firstName\":\"测试\",\"lastName\":\"标记\","
                                + "\"attributes\":{\"unit\":[\"410105\"]}}", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        // as if lps-office had been added to the realm file after this data folder was made
        String lps = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                        + "/admin/realms/mubiao/users?exact=true&username=lps-office"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get(0).path("id").asText();
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/admin/realms/mubiao/users/" + lps))
                .header("Authorization", "Bearer " + adminToken).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(204);

        stack.close();
        stack = start(); // same data folder and port: the old process must be gone

        HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                        + "/admin/realms/mubiao/users?exact=true&username=it-marker"))
                .header("Authorization", "Bearer " + adminToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(found.body())).hasSize(1);
        JsonNode access = claims(tokenResponse(Map.of("grant_type", "password", "client_id", "mubiao-cli",
                "username", "jsq-reporter", "password", "demo123")).path("access_token").asText());
        assertThat(access.path("unit").asText()).isEqualTo("410105");
        JsonNode added = claims(tokenResponse(Map.of("grant_type", "password", "client_id", "mubiao-cli",
                "username", "lps-office", "password", "demo123")).path("access_token").asText());
        assertThat(added.path("unit").asText()).as("a user of the realm file missing from the realm is added").isEqualTo("520200");
    }

    private static DevStack start() {
        return DevStack.start(DevStackOptions.builder().dataDir(dataDir).withKeycloak(true)
                .keycloakPort(keycloakPort).build());
    }

    private static String realmUrl() {
        return stack.keycloakUrl() + "/realms/mubiao";
    }

    private static JsonNode tokenResponse(Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String adminToken() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl()
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli"
                        + "&username=admin&password=admin")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static JsonNode claims(String jwt) throws Exception {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static List<String> roles(JsonNode claims) {
        return stream(claims.path("realm_access").path("roles")).map(JsonNode::asText).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
