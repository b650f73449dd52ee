package cn.mubiao.scoring.assessment.application;

import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.progress.FraudFlagged;
import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.target.AssignmentWithdrawn;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.contracts.target.UnitChanged;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts;
import cn.mubiao.scoring.assessment.domain.AssignmentFacts.FraudFlag;
import cn.mubiao.scoring.assessment.persistence.AssessmentStore;
import org.springframework.stereotype.Component;

import java.util.function.UnaryOperator;

/**
 * Keeps the assessment's read model from target and progress events. Every change is a merge by version or time,
 * so replayed and out-of-order events leave the same facts (the consumer also skips event ids it has applied).
 */
@Component
public class RecordAssessmentFacts {

    private final AssessmentStore store;

    RecordAssessmentFacts(AssessmentStore store) {
        this.store = store;
    }

    public void targetAssigned(TargetAssigned t) {
        var terms = new AssignmentFacts.Terms(t.targetCode(), t.targetTitle(),
                t.indicatorKind() == null ? null : t.indicatorKind().name(), t.unitOfMeasure(), t.targetValue(),
                t.standardScore(), t.role(), t.coUnitCodes(), t.issuerUnitCode(), t.provinceCode(), t.source(),
                t.provinceTargetValue(), t.cityTargetValue(), t.targetValueProvenance());
        long withdrawnVersion = store.place(t.assignmentId()).map(AssessmentStore.Place::withdrawnVersion).orElse(0L);
        store.placed(t.assignmentId(), t.year(), t.unitCode());
        store.named(t.year(), t.unitCode(), t.unitName());
        store.changeAssignment(t.year(), t.unitCode(), t.assignmentId(), a -> {
            AssignmentFacts next = a.assigned(t.version(), terms);
            return withdrawnVersion > 0 ? next.withdrawn(withdrawnVersion) : next;
        });
    }

    /** Withdrawn assignments leave the assessment; one withdrawn before its assignment arrived is remembered. */
    public void assignmentWithdrawn(AssignmentWithdrawn w) {
        store.withdrawalSeen(w.assignmentId(), w.version());
        store.place(w.assignmentId()).filter(p -> p.year() != null).ifPresent(p ->
                store.changeAssignment(p.year(), p.unitCode(), w.assignmentId(), a -> a.withdrawn(w.version())));
    }

    public void progressReported(ProgressReported r) {
        int version = r.version() == null ? 1 : r.version();
        inYearOf(r.period(), r.unitCode(), r.assignmentId(), a -> a.reported(r.period(), version, r.completion(),
                r.cumulativeActual(), r.reportedAt()));
    }

    public void progressCorrected(ProgressCorrected c) {
        inYearOf(c.period(), c.unitCode(), c.assignmentId(), a -> a.reported(c.period(), c.version(),
                c.completion(), c.cumulativeActual(), c.correctedAt()));
    }

    public void progressVerified(ProgressVerified v) {
        inYearOf(v.period(), v.unitCode(), v.assignmentId(), a -> a.verified(v.period(), v.verifiedAt(), v.completion(),
                v.effectiveSource() == null ? null : v.effectiveSource().name(), v.effectiveValue()));
    }

    public void fraudFlagged(FraudFlagged f) {
        inYearOf(f.period(), f.unitCode(), f.assignmentId(), a -> a.flagged(new FraudFlag(f.reportId(), f.reportVersion(),
                f.period(), f.reason())));
    }

    /** The unit's name and assessment category come with the unit tree. */
    public void unitChanged(UnitChanged u) {
        store.saveUnit(u);
    }

    private void inYearOf(String periodCode, String unitCode, String assignmentId, UnaryOperator<AssignmentFacts> change) {
        Period period = Period.parse(periodCode).orElse(null);
        if (period == null || unitCode == null) {
            return; // not a period of the plan year: nothing to score
        }
        store.changeAssignment(period.year(), unitCode, assignmentId, change);
    }
}
