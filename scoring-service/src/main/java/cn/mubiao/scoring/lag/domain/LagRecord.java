package cn.mubiao.scoring.lag.domain;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.contracts.target.TargetAssigned;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The lag status of one assignment in one period. {@link #reassess} records {@code StatusChanged} only when
 * the status really changes, so replays and repeated reports publish nothing twice.
 */
public final class LagRecord {

    private final String assignmentId;
    private final Period period;
    private LagStatus status;
    private LagAssessment assessment;
    private BigDecimal actual;
    private final List<MubiaoEvent> pendingEvents = new ArrayList<>();

    private LagRecord(String assignmentId, Period period, LagStatus status, LagAssessment assessment, BigDecimal actual) {
        this.assignmentId = assignmentId;
        this.period = period;
        this.status = status;
        this.assessment = assessment;
        this.actual = actual;
    }

    public static LagRecord none(String assignmentId, Period period) {
        return new LagRecord(assignmentId, period, null, null, null);
    }

    public static LagRecord restore(String assignmentId, Period period, LagStatus status, LagAssessment assessment,
                                    BigDecimal actual) {
        return new LagRecord(assignmentId, period, status, assessment, actual);
    }

    /** Recomputes the status from the assignment and the effective actual of the period. */
    public void reassess(TargetAssigned target, BigDecimal effectiveActual, LagRule rule) {
        Schedule schedule = new Schedule(target.seasonalShares());
        LagAssessment next = rule.assess(target.indicatorKind(), target.targetValue(), effectiveActual, period, schedule);
        LagStatus previous = status;
        this.assessment = next;
        this.actual = effectiveActual;
        this.status = next.status();
        if (previous != next.status()) {
            pendingEvents.add(new StatusChanged(assignmentId, target.unitCode(), target.unitName(), target.targetCode(),
                    target.targetTitle(), period.code(), previous, next.status(), next.expectedShare(), next.completion(),
                    next.gapPoints(), effectiveActual, target.targetValue(), target.unitOfMeasure(), next.reason()));
        }
    }

    public List<MubiaoEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public String assignmentId() {
        return assignmentId;
    }

    public Period period() {
        return period;
    }

    public LagStatus status() {
        return status;
    }

    public LagAssessment assessment() {
        return assessment;
    }

    public BigDecimal actual() {
        return actual;
    }
}
