package cn.mubiao.system.bench;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * A stand-in for Keycloak's realm as far as a resource server sees it: a JWK set on the JDK's HTTP server and RS256
 * access tokens of the realm's shape ({@code unit} claim, realm roles) signed with its key. Benchmarks use it where
 * the real Keycloak (about 20 s to start, a second JVM on a 2-core machine) would only add noise: the service
 * validates these tokens exactly as it validates Keycloak's (signature against the fetched JWK set, issuer, expiry).
 */
final class LocalIssuer implements AutoCloseable {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String KID = "bench-key";

    private final HttpServer server;
    private final KeyPair key;

    LocalIssuer() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        byte[] jwks = ("{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + KID + "\",\"n\":\""
                + B64.encodeToString(unsigned(pub.getModulus())) + "\",\"e\":\""
                + B64.encodeToString(unsigned(pub.getPublicExponent())) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/mubiao/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/mubiao";
    }

    String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** An access token of a user of {@code unit} with these realm roles, valid for {@code seconds}. */
    String token(String username, String unit, long seconds, String... roles) throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        StringBuilder roleList = new StringBuilder();
        for (String r : roles) {
            roleList.append(roleList.isEmpty() ? "" : ",").append('"').append(r).append('"');
        }
        String claims = "{\"iss\":\"" + issuer() + "\",\"sub\":\"sub-" + username + "\",\"azp\":\"mubiao-cli\",\"typ\":\"Bearer\","
                + "\"iat\":" + now + ",\"exp\":" + (now + seconds) + ",\"unit\":\"" + unit + "\",\"preferred_username\":\""
                + username + "\",\"realm_access\":{\"roles\":[" + roleList + "]}}";
        String signingInput = B64.encodeToString(("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + KID + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rsa.sign());
    }

    /** Big-endian bytes without the sign byte, as JWK wants them. */
    private static byte[] unsigned(BigInteger i) {
        byte[] b = i.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
