package cn.mubiao.notification.warning.messaging;

import cn.mubiao.contracts.progress.ProgressReturned;
import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.scoring.AssessmentPublished;
import cn.mubiao.contracts.scoring.ResultRevised;
import cn.mubiao.contracts.scoring.EscalationRaised;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.notification.bulletin.persistence.StatusBoard;
import cn.mubiao.notification.warning.application.SendWarnings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scoring and progress events that trigger notifications. */
@Configuration(proxyBeanMethods = false)
class WarningEventHandlers {

    /** A status is kept for the bulletins (定期通报) first, then warns when yellow or red; both are idempotent. */
    @Bean
    EventHandler<StatusChanged> statusChanged(SendWarnings warnings, StatusBoard board) {
        return EventHandler.of(StatusChanged.TYPE, StatusChanged.class, (e, event) -> {
            board.record(e, event);
            warnings.statusChanged(e, event);
        });
    }

    @Bean
    EventHandler<EscalationRaised> escalationRaised(SendWarnings warnings) {
        return EventHandler.of(EscalationRaised.TYPE, EscalationRaised.class, warnings::escalationRaised);
    }

    @Bean
    EventHandler<AssessmentPublished> assessmentPublished(SendWarnings warnings) {
        return EventHandler.of(AssessmentPublished.TYPE, AssessmentPublished.class, warnings::assessmentPublished);
    }

    @Bean
    EventHandler<ResultRevised> resultRevised(SendWarnings warnings) {
        return EventHandler.of(ResultRevised.TYPE, ResultRevised.class, warnings::resultRevised);
    }

    @Bean
    EventHandler<ProgressReturned> progressReturned(SendWarnings warnings) {
        return EventHandler.of(ProgressReturned.TYPE, ProgressReturned.class, warnings::progressReturned);
    }

    @Bean
    EventHandler<ReportDue> reportDue(SendWarnings warnings) {
        return EventHandler.of(ReportDue.TYPE, ReportDue.class, warnings::reportDue);
    }

    @Bean
    EventHandler<ReportOverdue> reportOverdue(SendWarnings warnings) {
        return EventHandler.of(ReportOverdue.TYPE, ReportOverdue.class, warnings::reportOverdue);
    }
}
