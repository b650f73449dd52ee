package cn.mubiao.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the gateway talks to in its tests, on the JDK's HTTP server: Keycloak's signing keys and token endpoint
 * (authorization code with PKCE check, refresh), and the services ({@code /api/progress} answers, records what it
 * got and echoes the request id; {@code /api/slow} answers late).
 */
final class Stub {

    static final String ISSUER = "http://keycloak.test/realms/mubiao";
    static final String CLIENT_ID = "gateway";
    static final String CLIENT_SECRET = "gateway-secret";
    static final RSAKey KEY = newKey();

    static final Stub INSTANCE = new Stub();

    final HttpServer server;
    final AtomicInteger jwksFetches = new AtomicInteger();
    final AtomicReference<String> relayedAuthorization = new AtomicReference<>();
    final AtomicReference<String> relayedCookie = new AtomicReference<>();
    final AtomicReference<String> relayedRequestId = new AtomicReference<>();
    final AtomicReference<String> relayedForwardedFor = new AtomicReference<>();
    final AtomicReference<String> relayedForwardedHost = new AtomicReference<>();
    /** The names of any other Forwarded / X-Forwarded-* headers the service got (lower case, comma-joined). */
    final AtomicReference<String> relayedOtherForwarded = new AtomicReference<>();
    final AtomicInteger relayedBodyBytes = new AtomicInteger();
    final AtomicInteger progressCalls = new AtomicInteger();
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    /** Codes the stub will accept: code -> what the authorization request said (code_challenge, nonce). */
    final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
    /** Refresh tokens the stub will accept: refresh token -> user. */
    final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    volatile long accessTokenSeconds = 300;

    record PendingCode(String codeChallenge, String nonce, String subject) {
    }

    private Stub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "gateway-test-stub");
                t.setDaemon(true);
                return t;
            }));
            server.createContext("/certs", x -> {
                jwksFetches.incrementAndGet();
                send(x, 200, "application/json", new JWKSet(KEY.toPublicJWK()).toString());
            });
            server.createContext("/realms/mubiao/protocol/openid-connect/token", this::token);
            server.createContext("/api/progress", x -> {
                progressCalls.incrementAndGet();
                relayedAuthorization.set(x.getRequestHeaders().getFirst("Authorization"));
                relayedCookie.set(x.getRequestHeaders().getFirst("Cookie"));
                String requestId = x.getRequestHeaders().getFirst("X-Request-Id");
                relayedRequestId.set(requestId);
                relayedForwardedFor.set(String.join(",", x.getRequestHeaders().getOrDefault("X-Forwarded-For", List.of())));
                relayedForwardedHost.set(String.join(",", x.getRequestHeaders().getOrDefault("X-Forwarded-Host", List.of())));
                relayedOtherForwarded.set(String.join(",", x.getRequestHeaders().keySet().stream()
                        .map(n -> n.toLowerCase(java.util.Locale.ROOT))
                        .filter(n -> n.equals("forwarded") || n.startsWith("x-forwarded-"))
                        .filter(n -> !n.equals("x-forwarded-for") && !n.equals("x-forwarded-host")
                                && !n.equals("x-forwarded-proto"))
                        .sorted().toList()));
                relayedBodyBytes.set(x.getRequestBody().readAllBytes().length);
                if (requestId != null) {
                    x.getResponseHeaders().add("X-Request-Id", requestId);
                }
                send(x, 200, "application/json", "{\"from\":\"progress-stub\"}");
            });
            server.createContext("/api/targets/echo", x -> {
                // what the service got, one line each; the answer's status and extra headers as the query asks
                Headers got = x.getRequestHeaders();
                String echo = String.join("\n", x.getRequestMethod(), x.getRequestURI().getRawPath(),
                        String.valueOf(x.getRequestURI().getRawQuery()), got.getFirst("Host"),
                        String.join(",", got.getOrDefault("X-Multi", List.of())),
                        String.valueOf(x.getRequestBody().readAllBytes().length));
                String query = String.valueOf(x.getRequestURI().getRawQuery());
                x.getResponseHeaders().add("X-Multi", "a");
                x.getResponseHeaders().add("X-Multi", "b");
                if (query.contains("hop")) {
                    x.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"stub\"");
                    x.getResponseHeaders().add("X-Application-Context", "stub");
                }
                send(x, query.contains("status=299") ? 299 : 200, "text/plain", echo);
            });
            server.createContext("/api/slow", x -> {
                try {
                    Thread.sleep(1_500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(x, 200, "application/json", "{\"from\":\"slow-stub\"}");
            });
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        form.put("authorization", String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
        tokenRequests.add(form);
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        String subject;
        String nonce = null;
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                PendingCode pending = codes.remove(form.getOrDefault("code", ""));
                if (pending == null || !pending.codeChallenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
                    send(x, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                    return;
                }
                subject = pending.subject();
                nonce = pending.nonce();
            }
            case "refresh_token" -> {
                subject = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
                if (subject == null) {
                    send(x, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"Session not active\"}");
                    return;
                }
            }
            default -> {
                send(x, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
        }
        String refresh = "r-" + UUID.randomUUID();
        refreshTokens.put(refresh, subject);
        Instant now = Instant.now();
        String access = TestTokens.sign(new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).claim("azp", CLIENT_ID)
                .claim("preferred_username", "zy-reporter").claim("name", "填报员 中原区").claim("unit", "410102")
                .claim("realm_access", Map.of("roles", List.of("default-roles-mubiao", "county", "reporter")))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(accessTokenSeconds))).build(), KEY);
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(CLIENT_ID)
                .claim("azp", CLIENT_ID).claim("preferred_username", "zy-reporter")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)));
        if (nonce != null) {
            id.claim("nonce", nonce);
        }
        send(x, 200, "application/json", """
                {"access_token":"%s","token_type":"Bearer","expires_in":%d,"refresh_token":"%s","id_token":"%s","scope":"openid profile email"}"""
                .formatted(access, accessTokenSeconds, refresh, TestTokens.sign(id.build(), KEY)));
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static void send(HttpExchange x, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    static RSAKey newKey() {
        return TestTokens.newKey("k-" + UUID.randomUUID());
    }
}
