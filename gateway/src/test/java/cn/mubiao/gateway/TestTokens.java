package cn.mubiao.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signing keys and RS256 tokens for the gateway's tests, as Keycloak makes them. */
public final class TestTokens {

    private TestTokens() {
    }

    /** Signed with {@code key}, naming its key id in the header. */
    public static String sign(JWTClaimsSet claims, RSAKey key) {
        return sign(claims, key, key.getKeyID());
    }

    /** Signed with {@code key}, naming the key id {@code kid} in its header. */
    public static String sign(JWTClaimsSet claims, RSAKey key, String kid) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new 2048-bit RSA signing key with this key id. */
    public static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
