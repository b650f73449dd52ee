package cn.mubiao.notification.warning.application;

import cn.mubiao.contracts.notification.WarningDelivered;
import cn.mubiao.contracts.progress.ProgressReturned;
import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.kit.events.Outbox;
import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.channel.EmailChannel;
import cn.mubiao.notification.channel.SmsChannel;
import cn.mubiao.notification.recipient.KeycloakRecipients;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.domain.Channel;
import cn.mubiao.notification.warning.domain.DeliveryKey;
import cn.mubiao.notification.warning.domain.Notice;
import cn.mubiao.notification.warning.domain.OverdueNotice;
import cn.mubiao.notification.warning.domain.ReminderNotice;
import cn.mubiao.notification.warning.domain.ReturnNotice;
import cn.mubiao.notification.warning.domain.WarningMessage;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A yellow or red status warns the unit's recipients by email and SMS. Each (event, recipient, channel) is
 * claimed under a unique key before sending, so a replayed event sends nothing twice; a failed send is
 * recorded and retried by the consumer, then dead-lettered.
 */
@Component
public class SendWarnings {

    private static final Logger log = LoggerFactory.getLogger(SendWarnings.class);

    private final KeycloakRecipients recipients;
    private final DeliveryStore deliveries;
    private final EmailChannel email;
    private final SmsChannel sms;
    private final Outbox outbox;
    private final Clock clock;
    private final NotificationProperties settings;

    SendWarnings(KeycloakRecipients recipients, DeliveryStore deliveries, EmailChannel email, SmsChannel sms,
                 Outbox outbox, Clock clock, NotificationProperties settings) {
        this.recipients = recipients;
        this.deliveries = deliveries;
        this.email = email;
        this.sms = sms;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
    }

    public void statusChanged(StatusChanged e, InboundEvent event) {
        if (!e.status().warns()) {
            return;
        }
        send(event, e.assignmentId(), e.unitCode(), recipients.ofUnit(e.unitCode()),
                r -> WarningMessage.of(e, r.displayName(), settings.consoleUrl()));
    }

    /** 提醒: a report is due soon; the unit's reporters are reminded. */
    public void reportDue(ReportDue e, InboundEvent event) {
        List<Recipient> reporters = recipients.ofUnit(e.unitCode()).stream().filter(r -> r.hasRole(Roles.REPORTER)).toList();
        send(event, e.assignmentId(), e.unitCode(), reporters, r -> ReminderNotice.of(e, r.displayName(), settings.consoleUrl()));
    }

    /** 逾期: a report was not submitted by its deadline; the unit's reporters and its leader are told. */
    public void reportOverdue(ReportOverdue e, InboundEvent event) {
        List<Recipient> told = recipients.ofUnit(e.unitCode()).stream()
                .filter(r -> r.hasRole(Roles.REPORTER) || r.hasRole(Roles.LEADER)).toList();
        send(event, e.assignmentId(), e.unitCode(), told, r -> OverdueNotice.of(e, r.displayName(), settings.consoleUrl()));
    }

    /**
     * The monitoring unit returned a report: its reporter is told (or, when that user is no longer found, the
     * unit's people).
     */
    public void progressReturned(ProgressReturned e, InboundEvent event) {
        List<Recipient> unit = recipients.ofUnit(e.unitCode());
        List<Recipient> reporter = unit.stream().filter(r -> r.username().equals(e.reportedBy())).toList();
        send(event, e.assignmentId(), e.unitCode(), reporter.isEmpty() ? unit : reporter,
                r -> ReturnNotice.of(e, r.displayName(), settings.consoleUrl()));
    }

    private void send(InboundEvent event, String assignmentId, String unitCode, List<Recipient> to,
                      Function<Recipient, Notice> texts) {
        RuntimeException failure = null;
        for (Recipient r : to) {
            Notice m = texts.apply(r);
            if (r.email() != null && !r.email().isBlank()) {
                failure = deliver(event, assignmentId, unitCode, r, Channel.EMAIL, r.email(),
                        () -> email.send(r.email(), m.subject(), m.emailBody()), failure);
            }
            if (r.phone() != null && !r.phone().isBlank()) {
                failure = deliver(event, assignmentId, unitCode, r, Channel.SMS, r.phone(),
                        () -> String.join(",", sms.send(r.phone(), m.sms())), failure);
            }
        }
        if (failure != null) {
            throw failure; // the consumer retries; deliveries already SENT are skipped then
        }
    }

    private RuntimeException deliver(InboundEvent event, String assignmentId, String unitCode, Recipient r,
                                     Channel channel, String address, java.util.function.Supplier<String> send,
                                     RuntimeException failure) {
        String id = DeliveryKey.of(event.id(), r.username(), channel);
        Instant now = clock.instant();
        if (!deliveries.claim(id, event.id(), event.type(), assignmentId, unitCode, r.username(), channel, address, now)) {
            return failure;
        }
        try {
            String providerId = send.get();
            deliveries.sent(id, providerId, clock.instant(), outbox.entry(new WarningDelivered(id, event.id(),
                    assignmentId, unitCode, r.username(), channel.name(), address, clock.instant())));
            outbox.written();
            return failure;
        } catch (RuntimeException ex) {
            log.warn("{} to {} failed: {}", channel, r.username(), ex.toString());
            deliveries.failed(id, ex.getMessage(), clock.instant());
            return failure != null ? failure : ex;
        }
    }
}
