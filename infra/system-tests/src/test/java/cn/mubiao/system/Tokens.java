package cn.mubiao.system;

import cn.mubiao.devstack.KeycloakTokens;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Real Keycloak tokens of every kind the access matrix needs, and the forged ones it must refuse. */
final class Tokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    static String password(String keycloak, String realm, String client, String username, String password) throws Exception {
        return KeycloakTokens.password(keycloak, realm, client, username, password);
    }

    static String clientCredentials(String keycloak, String client, String secret) throws Exception {
        return KeycloakTokens.clientCredentials(keycloak, "mubiao", client, secret);
    }

    /** A token whose header says {@code alg=none} and has no signature. */
    static String algNone(String issuer) {
        return B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(claims(issuer).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A well-formed RS256 token signed by a key the realm never published. */
    static String unknownKid(String issuer) throws Exception {
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        String signingInput = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged-key\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(claims(issuer).getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(pair.getPrivate());
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rsa.sign());
    }

    private static String claims(String issuer) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + issuer + "\",\"sub\":\"forger\",\"azp\":\"mubiao-cli\",\"iat\":" + now + ",\"exp\":" + (now + 600)
                + ",\"unit\":\"410100\",\"preferred_username\":\"city-office\","
                + "\"realm_access\":{\"roles\":[\"city\",\"target-office\",\"reporter\",\"auditor\"]}}";
    }

}
