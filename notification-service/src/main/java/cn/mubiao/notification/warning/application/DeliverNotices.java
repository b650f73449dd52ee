package cn.mubiao.notification.warning.application;

import cn.mubiao.contracts.notification.DeliveryFailed;
import cn.mubiao.contracts.notification.WarningDelivered;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.notification.channel.Enclosure;
import cn.mubiao.notification.channel.InvalidAddressException;
import cn.mubiao.notification.channel.Sender;
import cn.mubiao.notification.preference.domain.Preferences;
import cn.mubiao.notification.preference.persistence.PreferenceStore;
import cn.mubiao.notification.recipient.KeycloakRecipients;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.domain.Addresses;
import cn.mubiao.notification.warning.domain.AttemptOutcome;
import cn.mubiao.notification.warning.domain.Channel;
import cn.mubiao.notification.warning.domain.DeliveryKey;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.domain.Notice;
import cn.mubiao.notification.warning.domain.TriggerKind;
import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import cn.mubiao.notification.warning.persistence.DeliveryStore.Attempt;
import cn.mubiao.notification.warning.persistence.DeliveryStore.Delivery;
import cn.mubiao.notification.warning.persistence.DeliveryStore.NewDelivery;
import cn.mubiao.notification.warning.persistence.FloodMarks;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one delivery path of every trigger. Each (trigger event, recipient, channel) becomes one delivery under its
 * unique key, created once with its rendered texts, so replays and restarts send nothing twice. Each attempt takes
 * a lease on the delivery, goes through the channel's circuit breaker and is recorded; a failure waits its backoff
 * and is taken up by the sweep, and after the last attempt the delivery is DEAD until an operator resends it. A
 * refused address is INVALID_ADDRESS and not retried.
 */
@Component
public class DeliverNotices {

    private static final Logger log = LoggerFactory.getLogger(DeliverNotices.class);
    private static final int SWEEP_BATCH = 200;

    private final DeliveryStore deliveries;
    private final List<Sender> senders;
    private final ChannelResilience resilience;
    private final KeycloakRecipients recipients;
    private final PreferenceStore preferences;
    private final FloodMarks flood;
    private final Duration floodWindow;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration lease;
    private final RecordReceipts receipts;
    private final Enclosures enclosures;
    private final AttemptWorkers workers;

    DeliverNotices(DeliveryStore deliveries, List<Sender> senders, ChannelResilience resilience,
                   KeycloakRecipients recipients, PreferenceStore preferences, FloodMarks flood, Outbox outbox, Clock clock,
                   NotificationProperties settings, RecordReceipts receipts, Enclosures enclosures, AttemptWorkers workers) {
        this.deliveries = deliveries;
        this.senders = List.copyOf(senders);
        this.resilience = resilience;
        this.recipients = recipients;
        this.preferences = preferences;
        this.flood = flood;
        this.floodWindow = settings.delivery().floodWindow();
        this.outbox = outbox;
        this.clock = clock;
        this.lease = settings.delivery().lease();
        this.receipts = receipts;
        this.enclosures = enclosures;
        this.workers = workers;
    }

    /**
     * What a notification is about: its kind and the assignment, period and unit it concerns.
     *
     * @param assignmentId null for a notice about no single assignment (a published year-end result)
     * @param period       a period code, or the year of a year-end result
     * @param unitCode     the unit whose people are told (for an escalation the next level up, not the lagging unit):
     *                     who sees the delivery and where a resend looks up the current address
     * @param level        what the trigger says within its kind (a warning's status); a flood is one message per
     *                     recipient, channel, assignment, period and level, so a red after a yellow still goes out
     */
    public record Subject(TriggerKind kind, String assignmentId, String period, String unitCode, String level) {
    }

    /**
     * Creates the deliveries of one trigger event (an email and an SMS per recipient with that address) and hands the
     * ones that are due now to the {@link AttemptWorkers}; those that exist already (a replay) are left as they are.
     */
    public void notify(InboundEvent event, Subject about, List<Recipient> to, Function<Recipient, Notice> texts) {
        notify(event.id(), event.type(), about, to, texts);
    }

    /**
     * The same for a trigger that is no inbound event (a bulletin the service compiles itself): {@code triggerId}
     * plays the event id, so the deliveries are once per (trigger, recipient, channel) all the same. A notice without
     * an SMS text goes by email only.
     */
    public void notify(String triggerId, String triggerType, Subject about, List<Recipient> to,
                       Function<Recipient, Notice> texts) {
        Instant now = clock.instant();
        List<String> created = new ArrayList<>();
        for (Recipient r : to) {
            Notice n = texts.apply(r);
            Preferences p = preferences.of(r.username());
            create(triggerId, triggerType, about, r, Channel.EMAIL, r.email(), n.emailBody(), n.enclosure(), n.subject(),
                    p, now).ifPresent(created::add);
            if (n.sms() != null) {
                create(triggerId, triggerType, about, r, Channel.SMS, r.phone(), n.sms(), null, n.subject(), p, now)
                        .ifPresent(created::add);
            }
        }
        created.forEach(id -> workers.submit(() -> attempt(id)));
    }

    private Optional<String> create(String triggerId, String triggerType, Subject about, Recipient r, Channel channel,
                                    String address, String text, String enclosure, String subject, Preferences p,
                                    Instant now) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String id = DeliveryKey.of(triggerId, r.username(), channel);
        Start start = start(triggerId, about, r, channel, p, now);
        NewDelivery d = new NewDelivery(id, triggerId, triggerType, about.kind(), about.assignmentId(), about.period(),
                about.unitCode(), r.username(), channel, address.strip(), subject, text, enclosure, start.status(),
                start.note(), start.firstAttemptAt());
        return deliveries.create(d, now) && start.firstAttemptAt() != null && !start.firstAttemptAt().isAfter(now)
                ? Optional.of(id) : Optional.empty();
    }

    /** How a new delivery starts: at once, held until a time, or not at all. */
    private record Start(DeliveryStatus status, String note, Instant firstAttemptAt) {
    }

    private Start start(String triggerId, Subject about, Recipient r, Channel channel, Preferences p, Instant now) {
        if (!p.allows(about.kind(), channel)) {
            return new Start(DeliveryStatus.OPTED_OUT, "switched off by the recipient", null);
        }
        if (about.kind().floodLimited() && !flood.admit(DeliveryKey.flood(r.username(), channel, about.assignmentId(),
                about.period(), about.level()), triggerId, now, floodWindow)) {
            return new Start(DeliveryStatus.SUPPRESSED, "one message per recipient, assignment, period and status within "
                    + floodWindow, null);
        }
        if (channel == Channel.SMS) {
            Optional<Instant> held = p.smsHeldUntil(now);
            if (held.isPresent()) {
                return new Start(DeliveryStatus.HELD, "quiet hours until " + held.get(), held.get());
            }
        }
        return new Start(DeliveryStatus.PENDING, null, now);
    }

    /** Attempts every delivery whose next attempt is due (retries, held SMS, attempts cut off by a crash). */
    public int attemptDue() {
        List<String> due = deliveries.due(clock.instant(), SWEEP_BATCH);
        due.forEach(this::attempt);
        return due.size();
    }

    /** One attempt of one delivery, when it is open and due; nothing when another worker holds it. */
    void attempt(String id) {
        Instant now = clock.instant();
        Optional<Delivery> leased = deliveries.lease(id, now, now.plus(lease));
        if (leased.isEmpty()) {
            return;
        }
        Delivery d = leased.get();
        if (!Addresses.valid(d.channel(), d.address())) {
            invalid(d, "not a valid " + (d.channel() == Channel.SMS ? "mobile number" : "email address") + ": " + d.address());
            return;
        }
        Sender sender = senders.stream().filter(s -> s.channel() == d.channel()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sender for " + d.channel()));
        try {
            Enclosure enclosure = d.enclosure() == null ? null : enclosures.render(d.enclosure());
            String providerId = resilience.breaker(d.channel()).executeSupplier(() -> enclosure == null
                    ? sender.send(d.address(), d.subject(), d.text())
                    : sender.send(d.address(), d.subject(), d.text(), enclosure));
            Instant at = clock.instant();
            OutboxEntry delivered = outbox.entry(new WarningDelivered(d.id(), d.sourceEventId(), d.assignmentId(),
                    d.unitCode(), d.recipient(), d.channel().name(), d.address(), at));
            if (deliveries.sent(d.id(), new Attempt(at, AttemptOutcome.SENT, null), providerId, delivered)) {
                outbox.written(DeliveryStore.COLLECTION, d.id(), List.of(delivered));
                List<String> parts = DeliveryStore.partIds(d.channel(), providerId);
                if (!parts.isEmpty()) {
                    receipts.sent(d.id(), parts);
                }
            }
        } catch (CallNotPermittedException e) {
            Instant at = clock.instant();
            deliveries.failed(d.id(), new Attempt(at, AttemptOutcome.CIRCUIT_OPEN, e.getMessage()), DeliveryStatus.RETRYING,
                    at.plus(resilience.whileOpen()), false, false, null);
        } catch (InvalidAddressException e) {
            invalid(d, e.getMessage());
        } catch (RuntimeException e) {
            failed(d, e);
        }
    }

    private void invalid(Delivery d, String error) {
        log.warn("{} to {}: invalid address, not retried: {}", d.channel(), d.recipient(), error);
        close(d, new Attempt(clock.instant(), AttemptOutcome.INVALID_ADDRESS, error), DeliveryStatus.INVALID_ADDRESS, d.attempts() + 1);
    }

    /** Records the last attempt of a delivery that is given up and queues its DeliveryFailed in the same update. */
    private void close(Delivery d, Attempt attempt, DeliveryStatus status, int attempts) {
        OutboxEntry failed = outbox.entry(new DeliveryFailed(d.id(), d.sourceEventId(), d.assignmentId(), d.unitCode(),
                d.recipient(), d.channel().name(), d.address(), status.name(), attempt.error(), attempts, attempt.at()));
        if (deliveries.failed(d.id(), attempt, status, null, true, status == DeliveryStatus.DEAD, failed)) {
            outbox.written(DeliveryStore.COLLECTION, d.id(), List.of(failed));
        }
    }

    private void failed(Delivery d, RuntimeException e) {
        int failures = d.failures() + 1;
        Instant at = clock.instant();
        String error = String.valueOf(e.getMessage());
        Attempt attempt = new Attempt(at, AttemptOutcome.FAILED, error);
        if (resilience.retries(failures, e)) {
            Duration wait = resilience.backoff(failures, e);
            log.warn("{} to {} failed (attempt {}), again in {}: {}", d.channel(), d.recipient(), failures, wait, error);
            deliveries.failed(d.id(), attempt, DeliveryStatus.RETRYING, at.plus(wait), true, true, null);
        } else {
            log.error("{} to {} failed {} times, dead: {}", d.channel(), d.recipient(), failures, error);
            close(d, attempt, DeliveryStatus.DEAD, d.attempts() + 1);
        }
    }

    /**
     * Sends a DEAD or INVALID_ADDRESS delivery again, to the recipient's current address (Keycloak) when it is still
     * found there: one attempt now, then the usual retries. Empty when the delivery is in no state to be resent
     * (sent, still being delivered, or resent by someone else meanwhile): a success is never sent twice.
     */
    public Optional<Delivery> resend(Delivery d, String requestedBy) {
        String address = currentAddress(d);
        if (!deliveries.reopen(d.id(), address, new Attempt(clock.instant(), AttemptOutcome.RESEND_REQUESTED,
                "resend requested by " + requestedBy))) {
            return Optional.empty();
        }
        attempt(d.id());
        return deliveries.get(d.id());
    }

    private String currentAddress(Delivery d) {
        try {
            return recipients.ofUnit(d.unitCode()).stream().filter(r -> r.username().equals(d.recipient())).findFirst()
                    .map(r -> d.channel() == Channel.SMS ? r.phone() : r.email())
                    .filter(a -> !a.isBlank()).map(String::strip).orElse(d.address());
        } catch (RuntimeException e) {
            log.warn("cannot look up the current address of {} ({}); resending to {}", d.recipient(), e.toString(), d.address());
            return d.address();
        }
    }
}
