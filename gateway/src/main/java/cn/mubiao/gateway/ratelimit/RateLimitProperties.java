package cn.mubiao.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Objects;

/**
 * {@code mubiao.gateway.rate-limit}: token buckets in this gateway's memory (no Redis), one per user (token
 * {@code sub}, also for session users) and one per client (token {@code azp}, for bearer callers: a browser
 * session's client is the gateway itself, its users are limited one by one).
 *
 * @param enabled   off: no limits at all
 * @param perUser   each user's bucket
 * @param perClient each client's bucket (all its users together)
 */
@ConfigurationProperties("mubiao.gateway.rate-limit")
record RateLimitProperties(boolean enabled, Bucket perUser, Bucket perClient) {

    RateLimitProperties {
        Objects.requireNonNull(perUser, "mubiao.gateway.rate-limit.per-user");
        Objects.requireNonNull(perClient, "mubiao.gateway.rate-limit.per-client");
    }

    /**
     * @param capacity        requests that may come at once (the burst)
     * @param refillPerSecond requests per second in the long run
     */
    record Bucket(long capacity, double refillPerSecond) {
        Bucket {
            if (capacity < 1 || !(refillPerSecond > 0)) {
                throw new IllegalArgumentException("a bucket needs capacity >= 1 and refill-per-second > 0");
            }
        }
    }
}
