package cn.mubiao.scoring.lag.application;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.scoring.lag.LagProperties;
import cn.mubiao.scoring.lag.domain.LagRecord;
import cn.mubiao.scoring.lag.domain.LagRule;
import cn.mubiao.scoring.lag.persistence.LagStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Recomputes lag status when a target or a report arrives, in whatever order they come, and escalates an assignment
 * red in two consecutive periods (whichever of the two is assessed last).
 */
@Component
public class AssessLag {

    private static final int MAX_ATTEMPTS = 5;

    private final LagStore store;
    private final Outbox outbox;
    private final LagRule rule;

    AssessLag(LagStore store, Outbox outbox, LagProperties settings) {
        this.store = store;
        this.outbox = outbox;
        this.rule = new LagRule(settings.thresholdPoints());
    }

    public void targetAssigned(TargetAssigned target) {
        store.saveTarget(target);
        store.refreshTerms(target);
        store.periodsWithActuals(target.assignmentId()).forEach(p -> reassess(target.assignmentId(), p));
    }

    public void progressReported(ProgressReported report) {
        if (report.cumulativeActual() == null && !report.milestones().isEmpty()) {
            milestones(report.assignmentId(), report.period(), report.milestones(), report.reportId());
            return;
        }
        actual(report.assignmentId(), report.period(), report.cumulativeActual(), report.reportId());
    }

    /**
     * A qualitative target's report: its milestones decide the status (an overdue one is red). They are kept first, so
     * a report that comes before its target is assessed when the target arrives; the share done is kept as the
     * period's actual, so the period counts as reported.
     */
    private void milestones(String assignmentId, String period, List<MilestoneProgress> milestones, String reportId) {
        store.saveMilestones(assignmentId, period, milestones, reportId);
        // no target yet: its event assesses the kept milestones
        store.target(assignmentId).ifPresent(t -> assessMilestones(t, period, milestones, reportId));
    }

    private void assessMilestones(TargetAssigned target, String periodCode, List<MilestoneProgress> milestones,
                                  String reportId) {
        var period = Period.parse(periodCode);
        if (period.isEmpty() || milestones.isEmpty()) {
            return;
        }
        Period p = period.get();
        String assignmentId = target.assignmentId();
        LagRecord record = writeAfter(target, p, (r, before) -> {
            r.milestones(milestones, target, before);
            return true;
        });
        store.saveActual(assignmentId, periodCode, record.actual(), reportId);
        escalateNext(target, p, record);
    }

    /** A corrected version replaces the actual of its period (or a qualitative target's milestones). */
    public void progressCorrected(ProgressCorrected correction) {
        if (correction.cumulativeActual() == null && !correction.milestones().isEmpty()) {
            milestones(correction.assignmentId(), correction.period(), correction.milestones(), correction.reportId());
            return;
        }
        actual(correction.assignmentId(), correction.period(), correction.cumulativeActual(), correction.reportId());
    }

    /** The effective value after a verification (统计部门 > 业务部门 > 单位自报) replaces the actual of its period. */
    public void progressVerified(ProgressVerified verified) {
        actual(verified.assignmentId(), verified.period(), verified.effectiveValue(), verified.reportId());
    }

    /** No report after the deadline: the period is red until a report comes (DOMAIN.md §4). */
    public void reportOverdue(ReportOverdue overdue) {
        var target = store.target(overdue.assignmentId());
        var period = Period.parse(overdue.period());
        if (target.isEmpty() || period.isEmpty() || store.actual(overdue.assignmentId(), overdue.period()).isPresent()) {
            return; // reported meanwhile, or a target this service does not know (yet)
        }
        Period p = period.get();
        LagRecord record = writeAfter(target.get(), p, (r, before) -> {
            r.noReportBy(overdue.dueDate(), target.get(), before);
            return !r.pendingEvents().isEmpty();
        });
        write(target.get(), p.next(), r -> {
            if (r.status() == null) {
                return false;
            }
            r.escalateAfter(target.get(), record);
            return !r.pendingEvents().isEmpty();
        });
    }

    private void actual(String assignmentId, String period, BigDecimal actual, String reportId) {
        if (actual == null) {
            return; // a qualitative target's milestones: its lag follows the milestones' dates (issue 6)
        }
        store.saveActual(assignmentId, period, actual, reportId);
        reassess(assignmentId, period, Optional.of(actual));
    }

    private void reassess(String assignmentId, String periodCode) {
        reassess(assignmentId, periodCode, Optional.empty());
    }

    /** @param known the period's actual when the caller has just stored it (empty: read it) */
    private void reassess(String assignmentId, String periodCode, Optional<BigDecimal> known) {
        var target = store.target(assignmentId);
        if (target.isPresent() && target.get().indicatorKind() == IndicatorKind.QUALITATIVE) {
            // its milestones, as kept, decide the status
            assessMilestones(target.get(), periodCode, store.milestones(assignmentId, periodCode), null);
            return;
        }
        var actual = known.isPresent() ? known : store.actual(assignmentId, periodCode);
        var period = Period.parse(periodCode);
        if (target.isEmpty() || actual.isEmpty() || period.isEmpty()) {
            return; // the other half has not arrived yet; its event will trigger the assessment
        }
        Period p = period.get();
        LagRecord record = writeAfter(target.get(), p, (r, before) -> {
            r.reassess(target.get(), actual.get(), rule, before);
            return true;
        });
        escalateNext(target.get(), p, record);
    }

    /** The period after may be red already (a late report or a correction of this one): both red escalates it now. */
    private void escalateNext(TargetAssigned target, Period p, LagRecord record) {
        write(target, p.next(), r -> {
            if (r.status() == null) {
                return false;
            }
            r.escalateAfter(target, record);
            return !r.pendingEvents().isEmpty();
        });
    }

    /**
     * Reads the record, changes it and stores it with its events in one guarded write; when another writer came first,
     * reads it again and redoes the change.
     *
     * @param change false when there is nothing to store
     */
    private LagRecord write(TargetAssigned target, Period period, Predicate<LagRecord> change) {
        return write(target, period, false, (r, before) -> change.test(r));
    }

    /** As {@link #write}, for a change that depends on the period before: both records are read in one query. */
    private LagRecord writeAfter(TargetAssigned target, Period period, BiPredicate<LagRecord, LagRecord> change) {
        return write(target, period, true, change);
    }

    private LagRecord write(TargetAssigned target, Period period, boolean withPrevious,
                            BiPredicate<LagRecord, LagRecord> change) {
        String assignmentId = target.assignmentId();
        for (int attempt = 1; ; attempt++) {
            LagStore.WithPrevious read = withPrevious ? store.recordWithPrevious(assignmentId, period)
                    : new LagStore.WithPrevious(store.record(assignmentId, period), null);
            LagRecord r = read.record();
            if (!change.test(r, read.previous())) {
                return r;
            }
            List<OutboxEntry> entries = outbox.entries(r.pendingEvents());
            if (store.save(r, target, entries)) {
                outbox.written(LagStore.STATUS_COLLECTION, LagStore.idOf(r), entries);
                return r;
            }
            if (attempt == MAX_ATTEMPTS) {
                throw new IllegalStateException("lag status of " + assignmentId + " " + period
                        + " kept changing under " + MAX_ATTEMPTS + " attempts; the event will be retried");
            }
        }
    }
}
