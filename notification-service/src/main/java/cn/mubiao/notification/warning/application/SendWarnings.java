package cn.mubiao.notification.warning.application;

import cn.mubiao.contracts.progress.ProgressReturned;
import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.scoring.AssessmentPublished;
import cn.mubiao.contracts.scoring.ResultRevised;
import cn.mubiao.contracts.scoring.EscalationRaised;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.recipient.KeycloakRecipients;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.application.DeliverNotices.Subject;
import cn.mubiao.notification.warning.domain.EscalationNotice;
import cn.mubiao.notification.warning.domain.OverdueNotice;
import cn.mubiao.notification.warning.domain.ReminderNotice;
import cn.mubiao.notification.warning.domain.ResultNotice;
import cn.mubiao.notification.warning.domain.RevisionNotice;
import cn.mubiao.notification.warning.domain.ReturnNotice;
import cn.mubiao.notification.warning.domain.TriggerKind;
import cn.mubiao.notification.warning.domain.WarningMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who is told what, per trigger: the recipients (a unit's people from Keycloak, chosen by role) and the texts; the
 * delivery itself — once per (event, recipient, channel), retried, dead-lettered — is {@link DeliverNotices}'s. A
 * new trigger adds a method here, a texts class in {@code domain}, a {@link TriggerKind} and an {@code EventHandler}
 * bean in {@code WarningEventHandlers}.
 */
@Component
public class SendWarnings {

    private final KeycloakRecipients recipients;
    private final DeliverNotices deliver;
    private final String consoleUrl;
    private final String[] warnRoles;

    SendWarnings(KeycloakRecipients recipients, DeliverNotices deliver, NotificationProperties settings) {
        this.recipients = recipients;
        this.deliver = deliver;
        this.consoleUrl = settings.consoleUrl();
        this.warnRoles = settings.warnRoles().toArray(String[]::new);
    }

    /** 预警: a yellow or red status warns the unit's people ({@code mubiao.notification.warn-roles}). */
    public void statusChanged(StatusChanged e, InboundEvent event) {
        if (!e.status().warns()) {
            return;
        }
        deliver.notify(event, new Subject(TriggerKind.WARNING, e.assignmentId(), e.period(), e.unitCode(), e.status().name()),
                withRole(e.unitCode(), warnRoles), r -> WarningMessage.of(e, r.displayName(), consoleUrl));
    }

    /**
     * 专题督导: red in two consecutive periods goes to the target office and the leaders of the next level up (the
     * county's city, the township's county, the department's government). The deliveries belong to that level's unit:
     * its target office sees and resends them.
     */
    public void escalationRaised(EscalationRaised e, InboundEvent event) {
        String to = e.escalateToUnitCode();
        deliver.notify(event, new Subject(TriggerKind.ESCALATION, e.assignmentId(), e.period(), to, null),
                withRole(to, Roles.TARGET_OFFICE, Roles.LEADER), r -> EscalationNotice.of(e, r.displayName(), consoleUrl));
    }

    /** 考核结果: a unit's published year-end result goes to its leaders, with its total, grade and place. */
    public void assessmentPublished(AssessmentPublished e, InboundEvent event) {
        deliver.notify(event, new Subject(TriggerKind.ASSESSMENT, null, String.valueOf(e.year()), e.unitCode(),
                        "v" + e.version()),
                withRole(e.unitCode(), Roles.LEADER), r -> ResultNotice.of(e, r.displayName(), consoleUrl));
    }

    /** 复议结果: an appeal changed a unit's published result; its leaders get the new version. */
    public void resultRevised(ResultRevised e, InboundEvent event) {
        deliver.notify(event, new Subject(TriggerKind.ASSESSMENT, null, String.valueOf(e.year()), e.unitCode(),
                        "v" + e.toVersion()),
                withRole(e.unitCode(), Roles.LEADER), r -> RevisionNotice.of(e, r.displayName(), consoleUrl));
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
        List<Recipient> reporter = recipients.ofUnit(e.unitCode()).stream()
                .filter(r -> r.username().equals(e.reportedBy())).toList();
        deliver.notify(event, new Subject(TriggerKind.RETURNED, e.assignmentId(), e.period(), e.unitCode(), null),
                reporter.isEmpty() ? withRole(e.unitCode(), warnRoles) : reporter,
                r -> ReturnNotice.of(e, r.displayName(), consoleUrl));
    }

    private List<Recipient> withRole(String unitCode, String... roles) {
        return recipients.ofUnit(unitCode).stream().filter(r -> List.of(roles).stream().anyMatch(r::hasRole)).toList();
    }
}
