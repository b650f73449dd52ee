package cn.mubiao.target.plan.messaging;

import cn.mubiao.contracts.scoring.AssessmentPublished;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.target.plan.application.MarkPlansAssessed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What target-service hears from scoring: a published assessment closes the plan's year (ASSESSED). */
@Configuration
class PlanEventHandlers {

    @Bean
    EventHandler<AssessmentPublished> assessmentPublished(MarkPlansAssessed mark) {
        return EventHandler.of(AssessmentPublished.TYPE, AssessmentPublished.class, (e, meta) -> mark.published(e));
    }
}
