package cn.mubiao.scoring.lag.messaging;

import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.scoring.lag.application.AssessLag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The target and progress events that move lag status. */
@Configuration(proxyBeanMethods = false)
class LagEventHandlers {

    @Bean
    EventHandler<TargetAssigned> targetAssigned(AssessLag lag) {
        return EventHandler.of(TargetAssigned.TYPE, TargetAssigned.class, (e, meta) -> lag.targetAssigned(e));
    }

    @Bean
    EventHandler<ProgressReported> progressReported(AssessLag lag) {
        return EventHandler.of(ProgressReported.TYPE, ProgressReported.class, (e, meta) -> lag.progressReported(e));
    }

    @Bean
    EventHandler<ProgressCorrected> progressCorrected(AssessLag lag) {
        return EventHandler.of(ProgressCorrected.TYPE, ProgressCorrected.class, (e, meta) -> lag.progressCorrected(e));
    }

    @Bean
    EventHandler<ProgressVerified> progressVerified(AssessLag lag) {
        return EventHandler.of(ProgressVerified.TYPE, ProgressVerified.class, (e, meta) -> lag.progressVerified(e));
    }
}
