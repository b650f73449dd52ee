package cn.mubiao.notification.warning.application;

import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.channel.InvalidAddressException;
import cn.mubiao.notification.warning.domain.Channel;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A Resilience4j circuit breaker per channel (a dead SMTP server does not slow SMS down, and is not hammered) and
 * the Resilience4j retry policy: how many attempts and how long to wait after each. The waits are not slept in a
 * thread: a failed delivery records its next attempt time and the sweep takes it up then, so a retry survives a
 * restart and never blocks the event consumer.
 */
@Component
class ChannelResilience {

    private final Map<Channel, CircuitBreaker> breakers = new EnumMap<>(Channel.class);
    private final RetryConfig retry;
    private final Duration openFor;

    ChannelResilience(NotificationProperties settings, Clock clock) {
        NotificationProperties.Delivery d = settings.delivery();
        CircuitBreakerConfig config = CircuitBreakerConfig.custom().clock(clock)
                .failureRateThreshold(d.failureRate()).slidingWindowSize(d.breakerWindow())
                .minimumNumberOfCalls(d.breakerWindow()).waitDurationInOpenState(d.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1).ignoreExceptions(InvalidAddressException.class).build();
        for (Channel c : Channel.values()) {
            breakers.put(c, CircuitBreaker.of("notification-" + c.name().toLowerCase(java.util.Locale.ROOT), config));
        }
        this.retry = RetryConfig.custom().maxAttempts(d.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(d.firstBackoff(), d.backoffMultiplier(), d.maxBackoff()))
                .ignoreExceptions(InvalidAddressException.class).build();
        this.openFor = d.breakerOpenFor();
    }

    CircuitBreaker breaker(Channel channel) {
        return breakers.get(channel);
    }

    /** Whether a delivery that has failed {@code failures} times (this one included) gets another attempt. */
    boolean retries(int failures, Throwable error) {
        return failures < retry.getMaxAttempts() && retry.getExceptionPredicate().test(error);
    }

    /** The wait after the {@code failures}-th failed attempt. */
    Duration backoff(int failures, Throwable error) {
        return Duration.ofMillis(retry.<Object>getIntervalBiFunction().apply(failures, Either.left(error)));
    }

    /** The wait before trying a channel whose breaker refused the call. */
    Duration whileOpen() {
        return openFor;
    }
}
