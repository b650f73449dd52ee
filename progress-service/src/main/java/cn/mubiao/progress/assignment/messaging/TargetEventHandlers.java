package cn.mubiao.progress.assignment.messaging;

import cn.mubiao.contracts.target.AssignmentWithdrawn;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the assignments read model from target events. Each effect is keyed by the assignment's version, so a
 * replayed or duplicated event changes nothing. {@code TargetAdjusted} needs no handler: the new terms follow
 * as a {@code TargetAssigned} of the same version.
 */
@Configuration(proxyBeanMethods = false)
class TargetEventHandlers {

    @Bean
    EventHandler<TargetAssigned> targetAssigned(AssignmentStore store) {
        return EventHandler.of(TargetAssigned.TYPE, TargetAssigned.class, (e, meta) -> store.save(new Assignment(
                e.assignmentId(), e.unitCode(), e.unitName(), e.year(), e.targetTitle(), e.indicatorKind(),
                e.targetValue(), e.unitOfMeasure(), e.frequency(), e.coUnitCodes(), e.monitorUnitCode(), e.version(),
                e.planId(), e.targetCode(), e.targetId(), e.role(), e.parentAssignmentId(), null, e.milestones(), false)));
    }

    @Bean
    EventHandler<AssignmentWithdrawn> assignmentWithdrawn(AssignmentStore store) {
        return EventHandler.of(AssignmentWithdrawn.TYPE, AssignmentWithdrawn.class,
                (e, meta) -> store.withdraw(e.assignmentId(), e.version(), e.reason(), e.withdrawnAt()));
    }
}
