package cn.mubiao.scoring.messaging;

import cn.mubiao.contracts.progress.FraudFlagged;
import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.target.AssignmentWithdrawn;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.scoring.assessment.application.RecordAssessmentFacts;
import cn.mubiao.scoring.lag.application.AssessLag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The target and progress events scoring-service acts on. The consumer takes one handler per event type, so each
 * handler here hands the event to every feature that needs it: lag status and the assessment's read model. Both
 * are idempotent, so a replay after a crash between the two is harmless.
 */
@Configuration(proxyBeanMethods = false)
class ScoringEventHandlers {

    @Bean
    EventHandler<TargetAssigned> targetAssigned(AssessLag lag, RecordAssessmentFacts assessment) {
        return EventHandler.of(TargetAssigned.TYPE, TargetAssigned.class, (e, meta) -> {
            lag.targetAssigned(e);
            assessment.targetAssigned(e);
        });
    }

    @Bean
    EventHandler<AssignmentWithdrawn> assignmentWithdrawn(RecordAssessmentFacts assessment) {
        return EventHandler.of(AssignmentWithdrawn.TYPE, AssignmentWithdrawn.class,
                (e, meta) -> assessment.assignmentWithdrawn(e));
    }

    @Bean
    EventHandler<ProgressReported> progressReported(AssessLag lag, RecordAssessmentFacts assessment) {
        return EventHandler.of(ProgressReported.TYPE, ProgressReported.class, (e, meta) -> {
            lag.progressReported(e);
            assessment.progressReported(e);
        });
    }

    @Bean
    EventHandler<ProgressCorrected> progressCorrected(AssessLag lag, RecordAssessmentFacts assessment) {
        return EventHandler.of(ProgressCorrected.TYPE, ProgressCorrected.class, (e, meta) -> {
            lag.progressCorrected(e);
            assessment.progressCorrected(e);
        });
    }

    @Bean
    EventHandler<ProgressVerified> progressVerified(AssessLag lag, RecordAssessmentFacts assessment) {
        return EventHandler.of(ProgressVerified.TYPE, ProgressVerified.class, (e, meta) -> {
            lag.progressVerified(e);
            assessment.progressVerified(e);
        });
    }

    @Bean
    EventHandler<ReportOverdue> reportOverdue(AssessLag lag) {
        return EventHandler.of(ReportOverdue.TYPE, ReportOverdue.class, (e, meta) -> lag.reportOverdue(e));
    }

    @Bean
    EventHandler<FraudFlagged> fraudFlagged(RecordAssessmentFacts assessment) {
        return EventHandler.of(FraudFlagged.TYPE, FraudFlagged.class, (e, meta) -> assessment.fraudFlagged(e));
    }

    @Bean
    EventHandler<UnitChanged> unitChanged(RecordAssessmentFacts assessment) {
        return EventHandler.of(UnitChanged.TYPE, UnitChanged.class, (e, meta) -> assessment.unitChanged(e));
    }
}
