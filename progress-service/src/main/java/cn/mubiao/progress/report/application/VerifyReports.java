package cn.mubiao.progress.report.application;

import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import cn.mubiao.progress.report.application.ReportWrites.Change;
import cn.mubiao.progress.report.domain.Report;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;

/**
 * Verification (认定): the monitoring unit accepts a report, returns it with a reason or flags it as false; a
 * business department (the monitoring unit) or the statistics bureau records its own value, which outranks the
 * unit's (seed 003, 第十五条). A caller who may see the assignment but is not its verifier gets 403; one who may
 * not see it, 404.
 */
@Component
public class VerifyReports {

    /** What the monitoring unit decides. */
    public enum Decision { ACCEPT, RETURN, FRAUD }

    private final AssignmentStore assignments;
    private final ReportWrites writes;
    private final Clock clock;
    private final ProgressProperties settings;

    VerifyReports(AssignmentStore assignments, ReportWrites writes, Clock clock, ProgressProperties settings) {
        this.assignments = assignments;
        this.writes = writes;
        this.clock = clock;
        this.settings = settings;
    }

    public Report decide(Caller caller, String reportId, Decision decision, String reason) {
        Report.Id id = Report.Id.parse(reportId).orElseThrow(() -> ProblemException.notFound("report", reportId));
        Assignment assignment = assignments.find(id.assignmentId())
                .filter(a -> caller.sees(a.relations()))
                .orElseThrow(() -> ProblemException.notFound("report", reportId));
        if (!caller.unit().equals(assignment.monitorUnitCode())) {
            throw ProblemException.forbidden("只有该目标的监控单位可以认定 / only the target's monitoring unit verifies its reports");
        }
        return writes.change(reportId, Optional::empty, report -> {
            switch (decision) {
                case ACCEPT -> report.accept(assignment, caller.username(), caller.unit(), clock.instant());
                case RETURN -> report.returnToUnit(assignment, reason, caller.username(), caller.unit(), clock.instant());
                case FRAUD -> report.flagFraud(reason, caller.username(), caller.unit(), clock.instant());
            }
            return Change.written(true);
        }).report();
    }

    /** Records the caller's unit's own value; the source follows from who the caller is. */
    public Report recordValue(Caller caller, String assignmentId, String period, BigDecimal value, String note,
                              boolean dryRun) {
        Assignment assignment = assignments.find(assignmentId)
                .filter(a -> caller.sees(a.relations()) || statisticsBureauOf(caller, a))
                .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
        ValueSource source = sourceOf(caller, assignment).orElseThrow(() -> ProblemException.forbidden(
                "只有统计部门或该目标的监控（业务）部门可以录入认定数据 / only the statistics bureau or the target's monitoring department records values"));
        if (dryRun) {
            Report report = Report.open(assignment, period, clock.instant(), settings.zone());
            report.recordValue(assignment, source, value, note, caller.username(), caller.unit(), clock.instant());
            return report;
        }
        return writes.change(Report.idOf(assignmentId, period),
                () -> Optional.of(Report.open(assignment, period, clock.instant(), settings.zone())),
                report -> {
                    report.recordValue(assignment, source, value, note, caller.username(), caller.unit(), clock.instant());
                    return Change.written(true);
                }).report();
    }

    /** Where a value recorded by the caller comes from, if the caller may record one at all. */
    public Optional<ValueSource> sourceOf(Caller caller, Assignment assignment) {
        if (statisticsBureauOf(caller, assignment)) {
            return Optional.of(ValueSource.STATISTICS_BUREAU);
        }
        if (caller.unit() != null && caller.unit().equals(assignment.monitorUnitCode())) {
            return Optional.of(ValueSource.BUSINESS_DEPARTMENT);
        }
        return Optional.empty();
    }

    /** A statistics bureau speaks for every assignment of its region's subtree (and what it monitors). */
    private boolean statisticsBureauOf(Caller caller, Assignment a) {
        String unit = caller.unit();
        if (unit == null || !settings.isStatisticsBureau(unit)) {
            return false;
        }
        return unit.equals(a.monitorUnitCode()) || UnitCodes.isWithin(a.unitCode(), UnitCodes.region(unit));
    }
}
