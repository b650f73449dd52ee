package cn.mubiao.target.plan.application;

import cn.mubiao.contracts.scoring.AssessmentPublished;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlanStatus;
import cn.mubiao.target.plan.persistence.PlanStore;
import com.mongodb.client.model.Filters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * IN_PROGRESS → ASSESSED: when scoring publishes the year-end results of a government's assessment, that
 * government's plan of the year is assessed. One event comes per unit; the first one moves the plan, the rest (and
 * replays) find it assessed already.
 */
@Component
public class MarkPlansAssessed {

    private static final Logger log = LoggerFactory.getLogger(MarkPlansAssessed.class);
    private static final int ATTEMPTS = 5;

    private final PlanStore plans;

    MarkPlansAssessed(PlanStore plans) {
        this.plans = plans;
    }

    public void published(AssessmentPublished e) {
        for (Plan found : plans.where(Filters.and(Filters.eq("issuerUnitCode", e.issuerUnitCode()),
                Filters.eq("year", e.year())), 0, 20)) {
            assessed(found.id());
        }
    }

    private void assessed(String planId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Plan plan = plans.find(planId).orElse(null);
            if (plan == null || (plan.status() != PlanStatus.ISSUED && plan.status() != PlanStatus.IN_PROGRESS)) {
                return; // a draft is not assessed; an assessed plan stays so
            }
            long read = plan.version();
            plan.markAssessed();
            if (plans.save(plan, read, List.of())) {
                log.info("plan {} assessed: its year-end results were published", planId);
                return;
            }
        }
        throw new IllegalStateException("plan " + planId + " kept changing while being marked assessed");
    }
}
