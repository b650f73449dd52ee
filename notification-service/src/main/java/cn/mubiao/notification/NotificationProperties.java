package cn.mubiao.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param keycloak    where recipients are looked up (service account with view-users / query-users)
 * @param smpp        the SMS gateway
 * @param mailFrom    sender address of warning emails
 * @param consoleUrl  link to the console put in messages
 * @param warnRoles   realm roles of a unit's users who receive its warnings
 * @param delivery    attempts, backoff, circuit breakers, flood control and quiet hours
 * @param bulletin    when the monthly and quarterly bulletins (定期通报) go out
 */
@ConfigurationProperties("mubiao.notification")
public record NotificationProperties(Keycloak keycloak, Smpp smpp,
                                     @DefaultValue("mubiao-noreply@demo.mubiao.local") String mailFrom,
                                     @DefaultValue("http://localhost:8080") String consoleUrl,
                                     @DefaultValue({"leader", "reporter"}) List<String> warnRoles,
                                     @DefaultValue Delivery delivery,
                                     @DefaultValue Bulletins bulletin) {

    public record Keycloak(@DefaultValue("http://localhost:8180") String serverUrl,
                           @DefaultValue("mubiao") String realm,
                           @DefaultValue("notification-service") String clientId,
                           @DefaultValue("notification-secret") String clientSecret,
                           @DefaultValue("5m") Duration cacheTtl) {
    }

    /**
     * @param maxAttempts       attempts of a failing channel before the delivery is DEAD
     * @param firstBackoff      wait after the first failed attempt; each next wait is {@code backoffMultiplier} times
     *                          longer, at most {@code maxBackoff}
     * @param lease             how long one attempt holds a delivery (longer than any channel timeout)
     * @param sweepInterval     how often due retries and held SMS are looked for
     * @param failureRate       per channel: the failure rate (percent) over the last {@code breakerWindow} calls that
     *                          opens its circuit breaker
     * @param breakerOpenFor    how long an open breaker refuses calls (such skips do not use up attempts)
     * @param floodWindow       per recipient, channel, assignment and period: at most one warning in this window
     * @param quietZone         the time zone of quiet hours unless a person gives another
     * @param workers           how many deliveries are attempted at once (SMTP and SMPP wait on the network, so a
     *                          few in parallel go much further than one); 0 attempts each in the thread that created
     *                          it (the event consumer)
     */
    public record Delivery(@DefaultValue("5") int maxAttempts, @DefaultValue("30s") Duration firstBackoff,
                           @DefaultValue("2.0") double backoffMultiplier, @DefaultValue("30m") Duration maxBackoff,
                           @DefaultValue("2m") Duration lease, @DefaultValue("15s") Duration sweepInterval,
                           @DefaultValue("50") float failureRate, @DefaultValue("10") int breakerWindow,
                           @DefaultValue("1m") Duration breakerOpenFor, @DefaultValue("6h") Duration floodWindow,
                           @DefaultValue("Asia/Shanghai") String quietZone, @DefaultValue("4") int workers) {
    }

    /**
     * @param enabled       whether bulletins go out by themselves (the preview works either way)
     * @param day           the day of the month after a month or quarter on which its bulletin goes out: after the
     *                      report deadline (the 5th) and the red status of a report missing by then (1..28)
     * @param checkInterval how often the schedule looks for a bulletin due (a bulletin sent is never sent again)
     * @param zone          the time zone of that day and of the "as of" time printed in bulletins
     */
    public record Bulletins(@DefaultValue("true") boolean enabled, @DefaultValue("10") int day,
                            @DefaultValue("1h") Duration checkInterval, @DefaultValue("Asia/Shanghai") String zone) {

        public Bulletins {
            if (day < 1 || day > 28) {
                throw new IllegalArgumentException("mubiao.notification.bulletin.day must be 1..28, not " + day);
            }
        }
    }

    public record Smpp(@DefaultValue("localhost") String host, @DefaultValue("2775") int port,
                       @DefaultValue("mubiao") String systemId, @DefaultValue("mubiao") String password,
                       @DefaultValue("12345") String sourceAddress, @DefaultValue("10s") Duration timeout) {
    }
}
