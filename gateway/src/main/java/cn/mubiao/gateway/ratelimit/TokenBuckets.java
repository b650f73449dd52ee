package cn.mubiao.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a user, a client): each holds up to {@code capacity} tokens and gains
 * {@code refillPerSecond}; a request takes one. Buckets left alone long enough to be full again are dropped, so
 * memory follows the active keys only.
 */
final class TokenBuckets {

    private final long capacity;
    private final double tokensPerNano;
    private final long nanosToFull;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;

    TokenBuckets(RateLimitProperties.Bucket settings, LongSupplier nanoClock) {
        this.capacity = settings.capacity();
        this.tokensPerNano = settings.refillPerSecond() / 1e9;
        this.nanosToFull = (long) Math.ceil(capacity / tokensPerNano);
        this.nanoClock = nanoClock;
        this.lastSweep = new AtomicLong(nanoClock.getAsLong());
    }

    /** Takes a token for {@code key}: {@link Duration#ZERO} if there was one, else how long until there is. */
    Duration take(String key) {
        long now = nanoClock.getAsLong();
        sweep(now);
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).take(now);
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        long previous = lastSweep.get();
        if (now - previous < Math.max(nanosToFull, 1_000_000_000L) || !lastSweep.compareAndSet(previous, now)) {
            return;
        }
        buckets.values().removeIf(b -> b.idleSince(now) >= nanosToFull);
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Duration take(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
        }

        synchronized long idleSince(long now) {
            return now - updated;
        }
    }
}
