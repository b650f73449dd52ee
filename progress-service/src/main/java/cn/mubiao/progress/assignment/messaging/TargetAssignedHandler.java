package cn.mubiao.progress.assignment.messaging;

import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import org.springframework.stereotype.Component;

/** Keeps the assignments read model from {@code TargetAssigned}. */
@Component
class TargetAssignedHandler implements EventHandler<TargetAssigned> {

    private final AssignmentStore store;

    TargetAssignedHandler(AssignmentStore store) {
        this.store = store;
    }

    @Override
    public String type() {
        return TargetAssigned.TYPE;
    }

    @Override
    public Class<TargetAssigned> payloadType() {
        return TargetAssigned.class;
    }

    @Override
    public void handle(TargetAssigned e, InboundEvent event) {
        store.save(new Assignment(e.assignmentId(), e.unitCode(), e.unitName(), e.year(), e.targetTitle(),
                e.indicatorKind(), e.targetValue(), e.unitOfMeasure(), e.frequency(), e.coUnitCodes(), e.monitorUnitCode(),
                e.version()));
    }
}
