package cn.mubiao.progress.report.application;

import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import cn.mubiao.progress.report.domain.Narrative;
import cn.mubiao.progress.report.domain.Report;
import cn.mubiao.progress.report.persistence.ReportStore;
import cn.mubiao.progress.report.persistence.ReportStore.DuplicateReport;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;

/**
 * A reporter submits their unit's report. The report and its event are stored in one write before the
 * answer, so an accepted report survives any crash; a replay with the same {@code Idempotency-Key} returns
 * the stored report and records nothing new.
 */
@Component
public class SubmitReport {

    private final AssignmentStore assignments;
    private final ReportStore reports;
    private final Outbox outbox;
    private final Clock clock;
    private final ProgressProperties settings;

    SubmitReport(AssignmentStore assignments, ReportStore reports, Outbox outbox, Clock clock, ProgressProperties settings) {
        this.assignments = assignments;
        this.reports = reports;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
    }

    /** The stored report and whether this call created it. */
    public record Outcome(Report report, boolean created) {
    }

    public Outcome submit(Caller caller, String assignmentId, String period, BigDecimal actual, Narrative narrative,
                          String idempotencyKey) {
        String scopedKey = idempotencyKey == null ? null : caller.unit() + "|" + idempotencyKey;
        if (scopedKey != null) {
            var replay = reports.findByIdempotencyKey(scopedKey);
            if (replay.isPresent()) {
                return replayed(replay.get(), assignmentId, period, actual);
            }
        }
        Assignment assignment = assignments.find(assignmentId)
                .filter(a -> a.unitCode().equals(caller.unit()))
                .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
        Report report = Report.submit(UUID.randomUUID().toString(), assignment, period, actual, narrative,
                caller.username(), clock.instant(), settings.zone(), settings.dueDay());
        if (reports.findByPeriod(assignmentId, report.period().code()).isPresent()) {
            throw alreadyReported();
        }
        try {
            reports.insert(report, scopedKey, outbox.entries(report.pendingEvents()));
        } catch (DuplicateReport e) {
            if (e.clash() == ReportStore.Clash.IDEMPOTENCY_KEY) {
                return replayed(reports.findByIdempotencyKey(scopedKey).orElseThrow(), assignmentId, period, actual);
            }
            throw alreadyReported();
        }
        outbox.written();
        return new Outcome(report, true);
    }

    private static Outcome replayed(Report stored, String assignmentId, String period, BigDecimal actual) {
        if (!stored.sameContentAs(assignmentId, period, actual)) {
            throw ProblemException.unprocessable("Idempotency-Key",
                    "该幂等键已用于内容不同的报告 / this key was used for a different report");
        }
        return new Outcome(stored, false);
    }

    private static ProblemException alreadyReported() {
        return ProblemException.conflict("period", "该报告期已报送，请提交更正 / this period is already reported; submit a correction");
    }
}
