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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
     *
     * <p>One read of the recipients' preferences, one bulk write of the flood marks and one of the deliveries, however
     * many recipients. A delivery due now is created already leased to the hand-over ({@code nextAttemptAt} = now +
     * lease), so its first attempt needs no lease of its own; should the process die before the attempt, the lease
     * runs out and the sweep takes it up, as after a crash mid-send.
     */
    public void notify(String triggerId, String triggerType, Subject about, List<Recipient> to,
                       Function<Recipient, Notice> texts) {
        Instant now = clock.instant();
        Map<String, Preferences> prefs = preferences.of(to.stream().map(Recipient::username).distinct().toList());
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Recipient r : to) {
            Notice n = texts.apply(r);
            Preferences p = prefs.get(r.username());
            draft(drafts, triggerId, r, Channel.EMAIL, r.email(), n.emailBody(), n.enclosure(), n.subject(), p, about);
            if (n.sms() != null) {
                draft(drafts, triggerId, r, Channel.SMS, r.phone(), n.sms(), null, n.subject(), p, about);
            }
        }
        Set<String> flooded = flood.refused(drafts.values().stream().map(Draft::floodKey).filter(Objects::nonNull).toList(),
                triggerId, now, floodWindow);
        Instant heldUntil = now.plus(lease);
        List<NewDelivery> news = drafts.values().stream().map(d -> {
            Start start = start(about, d, flooded, now, heldUntil);
            return new NewDelivery(d.id(), triggerId, triggerType, about.kind(), about.assignmentId(), about.period(),
                    about.unitCode(), d.recipient().username(), d.channel(), d.address(), d.subject(), d.text(),
                    d.enclosure(), start.status(), start.note(), start.firstAttemptAt());
        }).toList();
        Set<String> created = deliveries.create(news, now);
        for (NewDelivery d : news) {
            if (created.contains(d.id()) && d.status() == DeliveryStatus.PENDING) {
                Delivery leased = Delivery.created(d, now);
                if (!workers.submit(() -> attemptLeased(leased, heldUntil))) {
                    deliveries.release(d.id(), heldUntil, now);
                }
            }
        }
    }

    /**
     * One delivery to be created, before its start is known; {@code floodKey} is null when it is not flood-limited
     * (another kind of notice, or switched off by the recipient).
     */
    private record Draft(String id, Recipient recipient, Channel channel, String address, String text, String enclosure,
                         String subject, Preferences preferences, String floodKey) {
    }

    private static void draft(Map<String, Draft> drafts, String triggerId, Recipient r, Channel channel, String address,
                              String text, String enclosure, String subject, Preferences p, Subject about) {
        if (address == null || address.isBlank()) {
            return;
        }
        String id = DeliveryKey.of(triggerId, r.username(), channel);
        String floodKey = p.allows(about.kind(), channel) && about.kind().floodLimited()
                ? DeliveryKey.flood(r.username(), channel, about.assignmentId(), about.period(), about.level()) : null;
        drafts.putIfAbsent(id, new Draft(id, r, channel, address.strip(), text, enclosure, subject, p, floodKey));
    }

    /** How a new delivery starts: at once (held by the hand-over until {@code heldUntil}), later, or not at all. */
    private record Start(DeliveryStatus status, String note, Instant firstAttemptAt) {
    }

    private Start start(Subject about, Draft d, Set<String> flooded, Instant now, Instant heldUntil) {
        if (!d.preferences().allows(about.kind(), d.channel())) {
            return new Start(DeliveryStatus.OPTED_OUT, "switched off by the recipient", null);
        }
        if (d.floodKey() != null && flooded.contains(d.floodKey())) {
            return new Start(DeliveryStatus.SUPPRESSED, "one message per recipient, assignment, period and status within "
                    + floodWindow, null);
        }
        if (d.channel() == Channel.SMS) {
            Optional<Instant> held = d.preferences().smsHeldUntil(now);
            if (held.isPresent()) {
                return new Start(DeliveryStatus.HELD, "quiet hours until " + held.get(), held.get());
            }
        }
        return new Start(DeliveryStatus.PENDING, null, heldUntil);
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
        deliveries.lease(id, now, now.plus(lease)).ifPresent(this::send);
    }

    /**
     * The first attempt of a delivery just created under a lease until {@code heldUntil}: sent as it is while most of
     * that lease is left (a send takes far less than the lease), else taken over with a new lease first, as long as
     * nobody else took it meanwhile.
     */
    private void attemptLeased(Delivery created, Instant heldUntil) {
        Instant now = clock.instant();
        if (!now.isAfter(heldUntil.minus(lease.multipliedBy(3).dividedBy(4)))) {
            send(created);
            return;
        }
        deliveries.relet(created.id(), heldUntil, now.plus(lease)).ifPresent(this::send);
    }

    private void send(Delivery d) {
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
