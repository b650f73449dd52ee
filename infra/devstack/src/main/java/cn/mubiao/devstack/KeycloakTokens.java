package cn.mubiao.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Access tokens from Keycloak's token endpoint, for the demo loader and the tests. */
public final class KeycloakTokens {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private KeycloakTokens() {
    }

    /** A password-grant token of a (public) client. */
    public static String password(String keycloak, String realm, String client, String username, String password)
            throws IOException, InterruptedException {
        return grant(keycloak, realm, "grant_type=password&client_id=" + enc(client) + "&username=" + enc(username)
                + "&password=" + enc(password));
    }

    /** A client-credentials token of a confidential client. */
    public static String clientCredentials(String keycloak, String realm, String client, String secret)
            throws IOException, InterruptedException {
        return grant(keycloak, realm, "grant_type=client_credentials&client_id=" + enc(client) + "&client_secret=" + enc(secret));
    }

    private static String grant(String keycloak, String realm, String form) throws IOException, InterruptedException {
        String url = keycloak + "/realms/" + realm + "/protocol/openid-connect/token";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher m = ACCESS_TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IOException("no token from " + url + ": " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
