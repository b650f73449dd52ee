package cn.mubiao.progress.report.application;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import cn.mubiao.progress.report.application.ReportWrites.Change;
import cn.mubiao.progress.report.domain.Report;
import cn.mubiao.progress.report.domain.Report.Content;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What a unit's reporter does: submit a period's report, keep a draft, submit the draft, correct a submitted
 * report. Only for the reporter's own unit (anything else is 404, with no hint whether it exists). Each change
 * and its event are stored in one write before the answer, so an accepted report survives any crash; a replay
 * with the same {@code Idempotency-Key} answers the stored report and records nothing new.
 */
@Component
public class UnitReports {

    private final AssignmentStore assignments;
    private final ReportWrites writes;
    private final Clock clock;
    private final ProgressProperties settings;

    UnitReports(AssignmentStore assignments, ReportWrites writes, Clock clock, ProgressProperties settings) {
        this.assignments = assignments;
        this.writes = writes;
        this.clock = clock;
        this.settings = settings;
    }

    /** The stored report and whether this call created a version. */
    public record Outcome(Report report, boolean created) {
    }

    public Outcome submit(Caller caller, String assignmentId, String period, Content content, String idempotencyKey) {
        Assignment assignment = own(caller, assignmentId);
        var r = writes.changeLikelyNew(Report.idOf(assignmentId, period),
                () -> Optional.of(Report.open(assignment, period, clock.instant(), settings.zone())),
                report -> {
                    if (isReplay(report, idempotencyKey, content)) {
                        return Change.replayed(false);
                    }
                    report.submit(assignment, content, caller.username(), clock.instant(), settings.zone(),
                            settings.dueDay(), idempotencyKey);
                    return Change.written(true);
                });
        return new Outcome(r.report(), r.answer());
    }

    public Outcome correct(Caller caller, String reportId, Content content, String reason, String idempotencyKey) {
        Report.Id id = parse(reportId);
        Assignment assignment = own(caller, id.assignmentId());
        var r = writes.change(reportId, Optional::empty, report -> {
            if (isReplay(report, idempotencyKey, content)) {
                return Change.replayed(false);
            }
            report.correct(assignment, content, reason, caller.username(), clock.instant(), settings.zone(),
                    settings.dueDay(), idempotencyKey);
            return Change.written(true);
        });
        return new Outcome(r.report(), r.answer());
    }

    public Report saveDraft(Caller caller, String reportId, Content content, String reason) {
        Report.Id id = parse(reportId);
        Assignment assignment = own(caller, id.assignmentId());
        return writes.change(reportId,
                () -> Optional.of(Report.open(assignment, id.period(), clock.instant(), settings.zone())),
                report -> {
                    report.saveDraft(assignment, content, reason, caller.username(), clock.instant(), settings.zone());
                    return Change.written(true);
                }).report();
    }

    public Outcome submitDraft(Caller caller, String reportId, String idempotencyKey) {
        Report.Id id = parse(reportId);
        Assignment assignment = own(caller, id.assignmentId());
        var r = writes.change(reportId, Optional::empty, report -> {
            if (idempotencyKey != null && report.submittedUnder(idempotencyKey).isPresent()) {
                return Change.replayed(false);
            }
            report.submitDraft(assignment, caller.username(), clock.instant(), settings.zone(), settings.dueDay(),
                    idempotencyKey);
            return Change.written(true);
        });
        return new Outcome(r.report(), r.answer());
    }

    /** Attaches a stored evidence file to the report, which is opened if the period has none yet. */
    public Report attachEvidence(Caller caller, String reportId, Report.Evidence evidence) {
        Report.Id id = parse(reportId);
        Assignment assignment = own(caller, id.assignmentId());
        return writes.change(reportId,
                () -> Optional.of(Report.open(assignment, id.period(), clock.instant(), settings.zone())),
                report -> {
                    report.attachEvidence(assignment, evidence);
                    return Change.written(true);
                }).report();
    }

    /** Refuses (404) unless the assignment is the caller's own unit's. */
    public void requireOwn(Caller caller, String assignmentId) {
        own(caller, assignmentId);
    }

    /** The caller's own unit's assignment; another unit's is 404 whether or not it exists. */
    private Assignment own(Caller caller, String assignmentId) {
        return assignments.find(assignmentId)
                .filter(a -> a.unitCode().equals(caller.unit()))
                .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
    }

    private static Report.Id parse(String reportId) {
        return Report.Id.parse(reportId).orElseThrow(() -> ProblemException.notFound("report", reportId));
    }

    /**
     * Whether this call repeats one already stored under its key; a key used for different content is refused.
     */
    private static boolean isReplay(Report report, String idempotencyKey, Content content) {
        return report.submittedUnder(idempotencyKey).map(v -> {
            if (!sameContent(v.content(), content)) {
                throw ProblemException.unprocessable("Idempotency-Key",
                        "该幂等键已用于内容不同的报告 / this key was used for a different report");
            }
            return true;
        }).orElse(false);
    }

    private static boolean sameContent(Content a, Content b) {
        boolean sameActual = a.cumulativeActual() == null ? b.cumulativeActual() == null
                : b.cumulativeActual() != null && a.cumulativeActual().compareTo(b.cumulativeActual()) == 0;
        return sameActual && Objects.equals(a.milestones(), b.milestones());
    }
}
