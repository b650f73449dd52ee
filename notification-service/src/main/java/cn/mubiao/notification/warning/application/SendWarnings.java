package cn.mubiao.notification.warning.application;

import cn.mubiao.contracts.progress.ProgressReturned;
import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.recipient.KeycloakRecipients;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.application.DeliverNotices.Subject;
import cn.mubiao.notification.warning.domain.OverdueNotice;
import cn.mubiao.notification.warning.domain.ReminderNotice;
import cn.mubiao.notification.warning.domain.ReturnNotice;
import cn.mubiao.notification.warning.domain.TriggerKind;
import cn.mubiao.notification.warning.domain.WarningMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who is told what, per trigger: the recipients (from Keycloak) and the texts; the delivery itself — once per
 * (event, recipient, channel), retried, dead-lettered — is {@link DeliverNotices}'s.
 *
 * <p>Seam for the next triggers: {@code AssessmentPublished} (to each unit's leader) and {@code EscalationRaised}
 * (to the target office and the next level's leader) each add a method here, a texts class in {@code domain}, a
 * {@link TriggerKind} and an {@code EventHandler} bean in {@code WarningEventHandlers}.
 */
@Component
public class SendWarnings {

    private final KeycloakRecipients recipients;
    private final DeliverNotices deliver;
    private final String consoleUrl;

    SendWarnings(KeycloakRecipients recipients, DeliverNotices deliver, NotificationProperties settings) {
        this.recipients = recipients;
        this.deliver = deliver;
        this.consoleUrl = settings.consoleUrl();
    }

    /** 预警: a yellow or red status warns the unit's people. */
    public void statusChanged(StatusChanged e, InboundEvent event) {
        if (!e.status().warns()) {
            return;
        }
        deliver.notify(event, new Subject(TriggerKind.WARNING, e.assignmentId(), e.period(), e.unitCode(), e.status().name()),
                recipients.ofUnit(e.unitCode()), r -> WarningMessage.of(e, r.displayName(), consoleUrl));
    }

    /** 提醒: a report is due soon; the unit's reporters are reminded. */
    public void reportDue(ReportDue e, InboundEvent event) {
        deliver.notify(event, new Subject(TriggerKind.REMINDER, e.assignmentId(), e.period(), e.unitCode(), null),
                withRole(e.unitCode(), Roles.REPORTER), r -> ReminderNotice.of(e, r.displayName(), consoleUrl));
    }

    /** 逾期: a report was not submitted by its deadline; the unit's reporters and its leader are told. */
    public void reportOverdue(ReportOverdue e, InboundEvent event) {
        deliver.notify(event, new Subject(TriggerKind.OVERDUE, e.assignmentId(), e.period(), e.unitCode(), null),
                withRole(e.unitCode(), Roles.REPORTER, Roles.LEADER), r -> OverdueNotice.of(e, r.displayName(), consoleUrl));
    }

    /**
     * 退回: the monitoring unit returned a report; its reporter is told (or, when that user is no longer found, the
     * unit's people).
     */
    public void progressReturned(ProgressReturned e, InboundEvent event) {
        List<Recipient> unit = recipients.ofUnit(e.unitCode());
        List<Recipient> reporter = unit.stream().filter(r -> r.username().equals(e.reportedBy())).toList();
        deliver.notify(event, new Subject(TriggerKind.RETURNED, e.assignmentId(), e.period(), e.unitCode(), null),
                reporter.isEmpty() ? unit : reporter, r -> ReturnNotice.of(e, r.displayName(), consoleUrl));
    }

    private List<Recipient> withRole(String unitCode, String... roles) {
        return recipients.ofUnit(unitCode).stream().filter(r -> List.of(roles).stream().anyMatch(r::hasRole)).toList();
    }
}
