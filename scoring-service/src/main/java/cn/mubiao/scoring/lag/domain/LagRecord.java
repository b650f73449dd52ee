package cn.mubiao.scoring.lag.domain;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.contracts.scoring.EscalationRaised;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.security.UnitCodes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The lag status of one assignment in one period. {@link #reassess} records {@code StatusChanged} only when
 * the status really changes, so replays and repeated reports publish nothing twice; and {@code EscalationRaised} once
 * when this period and the one before it are both seriously lagging ({@link #escalateAfter}), remembered in
 * {@link #escalated()} so a recomputation never raises it again.
 */
public final class LagRecord {

    private final String assignmentId;
    private final Period period;
    private LagStatus status;
    private LagAssessment assessment;
    private BigDecimal actual;
    private boolean escalated;
    private final long version;
    private final List<MubiaoEvent> pendingEvents = new ArrayList<>();

    private LagRecord(String assignmentId, Period period, LagStatus status, LagAssessment assessment, BigDecimal actual,
                      boolean escalated, long version) {
        this.assignmentId = assignmentId;
        this.period = period;
        this.status = status;
        this.assessment = assessment;
        this.actual = actual;
        this.escalated = escalated;
        this.version = version;
    }

    public static LagRecord none(String assignmentId, Period period) {
        return new LagRecord(assignmentId, period, null, null, null, false, 0);
    }

    /**
     * @param escalated whether {@code EscalationRaised} was recorded with this period as the second red one
     * @param version   the version the record was read at (0 for one never written)
     */
    public static LagRecord restore(String assignmentId, Period period, LagStatus status, LagAssessment assessment,
                                    BigDecimal actual, boolean escalated, long version) {
        return new LagRecord(assignmentId, period, status, assessment, actual, escalated, version);
    }

    /**
     * Recomputes the status from the assignment and the effective actual of the period, then escalates when the period
     * before was red too.
     *
     * @param before the record of the period before this one ({@link Period#previous()}), {@link #none} when it has
     *               no status
     */
    public void reassess(TargetAssigned target, BigDecimal effectiveActual, LagRule rule, LagRecord before) {
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
        escalateAfter(target, before);
    }

    /**
     * A qualitative target (dated milestones, DOMAIN.md §3–§4): a milestone due by the end of the period and not done
     * is overdue and makes the period seriously lagging, whatever else is done; otherwise it is on track. Completion is
     * the share of milestones done, the schedule the share due by the period's end. Escalates like any red period.
     *
     * @param milestones the milestones as the report gives them (due date, done or not)
     */
    public void milestones(List<MilestoneProgress> milestones, TargetAssigned target, LagRecord before) {
        if (milestones.isEmpty()) {
            return;
        }
        LocalDate end = period.lastDay();
        BigDecimal total = BigDecimal.valueOf(milestones.size());
        List<MilestoneProgress> overdue = milestones.stream()
                .filter(m -> m.due() != null && !m.due().isAfter(end) && !m.done()).toList();
        BigDecimal done = BigDecimal.valueOf(milestones.stream().filter(MilestoneProgress::done).count())
                .divide(total, 4, RoundingMode.HALF_UP);
        BigDecimal due = BigDecimal.valueOf(milestones.stream().filter(m -> m.due() != null && !m.due().isAfter(end)).count())
                .divide(total, 4, RoundingMode.HALF_UP);
        BigDecimal gap = due.subtract(done).max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100));
        LagStatus next = overdue.isEmpty() ? LagStatus.ON_TRACK : LagStatus.SERIOUSLY_LAGGING;
        String reason = overdue.isEmpty()
                ? "里程碑按期推进：已完成%d项，截至期末应完成%d项 / milestones on schedule".formatted(
                        milestones.stream().filter(MilestoneProgress::done).count(),
                        milestones.stream().filter(m -> m.due() != null && !m.due().isAfter(end)).count())
                : "里程碑逾期：%s / milestone overdue: %s".formatted(
                        overdue.stream().map(m -> "“" + m.title() + "”应于" + m.due() + "完成").reduce((a, b) -> a + "，" + b).orElseThrow(),
                        overdue.stream().map(m -> m.title() + " due " + m.due()).reduce((a, b) -> a + "; " + b).orElseThrow());
        LagStatus previous = status;
        this.assessment = new LagAssessment(next, due, done, gap, reason);
        this.actual = done;
        this.status = next;
        if (previous != next) {
            // the actual and target of a qualitative target are milestones: so many done of so many (项)
            pendingEvents.add(new StatusChanged(assignmentId, target.unitCode(), target.unitName(), target.targetCode(),
                    target.targetTitle(), period.code(), previous, next, due, done, gap,
                    BigDecimal.valueOf(milestones.stream().filter(MilestoneProgress::done).count()), total, "项", reason));
        }
        escalateAfter(target, before);
    }

    /**
     * No report after the deadline (DOMAIN.md §4: it counts as seriously lagging): the period turns red with nothing
     * done, unless a value has arrived for it meanwhile; a report arriving later reassesses it as usual. Escalates
     * like any red period.
     *
     * @param dueDate the deadline that passed
     */
    public void noReportBy(LocalDate dueDate, TargetAssigned target, LagRecord before) {
        if (actual != null || status == LagStatus.SERIOUSLY_LAGGING) {
            return;
        }
        BigDecimal e = new Schedule(target.seasonalShares()).expectedShare(target.indicatorKind(), period);
        LagStatus previous = status;
        this.assessment = new LagAssessment(LagStatus.SERIOUSLY_LAGGING, e, BigDecimal.ZERO,
                e.multiply(BigDecimal.valueOf(100)),
                "逾期未报：截至%s仍未报送，按严重滞后处理 / no report by %s: seriously lagging".formatted(dueDate, dueDate));
        this.status = LagStatus.SERIOUSLY_LAGGING;
        pendingEvents.add(new StatusChanged(assignmentId, target.unitCode(), target.unitName(), target.targetCode(),
                target.targetTitle(), period.code(), previous, status, assessment.expectedShare(),
                assessment.completion(), assessment.gapPoints(), null, target.targetValue(), target.unitOfMeasure(),
                assessment.reason()));
        escalateAfter(target, before);
    }

    /**
     * 专题督导 (DOMAIN.md §4): red in this period and in the one just before it escalates to the next level's target
     * office and leaders. Recorded once per assignment and (second) period: nothing when it was recorded already, even
     * if this period went yellow and red again meanwhile. Called by {@link #reassess}, and on its own when the period
     * before turns red after this one (a late report or a correction), so the order reports arrive in does not matter.
     */
    public void escalateAfter(TargetAssigned target, LagRecord before) {
        if (escalated || status != LagStatus.SERIOUSLY_LAGGING || before == null
                || before.status() != LagStatus.SERIOUSLY_LAGGING || !before.period().equals(period.previous())
                || !before.assignmentId().equals(assignmentId)) {
            return;
        }
        escalated = true;
        pendingEvents.add(new EscalationRaised(assignmentId, target.unitCode(), target.unitName(), target.targetCode(),
                target.targetTitle(), before.period().code(), period.code(), assessment.completion(),
                assessment.expectedShare(), assessment.gapPoints(), assessment.reason(), target.issuerUnitCode(),
                UnitCodes.nextLevelUp(target.unitCode()).orElse(UnitCodes.region(target.unitCode()))));
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

    public boolean escalated() {
        return escalated;
    }

    public long version() {
        return version;
    }
}
