package cn.mubiao.kit.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How a service fetches Keycloak's signing keys ({@code mubiao.security.*}).
 *
 * @param jwksRefreshInterval the JWK set is fetched at most twice in this interval, however many tokens with
 *                            unknown key ids arrive (one fetch for the routine refresh, one for a key rotation)
 * @param jwksCacheTtl        how long a fetched JWK set is used before it is fetched again; longer than the
 *                            refresh interval
 * @param jwksTimeout         connect and read timeout of one fetch
 * @param tokenCacheSize      verified tokens remembered until they expire (a repeated token skips the signature check)
 */
@ConfigurationProperties("mubiao.security")
record JwksProperties(
        @DefaultValue("30s") Duration jwksRefreshInterval,
        @DefaultValue("5m") Duration jwksCacheTtl,
        @DefaultValue("5s") Duration jwksTimeout,
        @DefaultValue("4096") int tokenCacheSize) {
}
