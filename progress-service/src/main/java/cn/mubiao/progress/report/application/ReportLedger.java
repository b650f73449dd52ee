package cn.mubiao.progress.report.application;

import cn.mubiao.contracts.dhis2.ExportQuery;
import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.progress.ProgressProperties;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import cn.mubiao.progress.exchange.application.ValueLedger;
import cn.mubiao.progress.exchange.domain.AssignmentIds;
import cn.mubiao.progress.report.application.ReportWrites.Change;
import cn.mubiao.progress.report.domain.Narrative;
import cn.mubiao.progress.report.domain.Report.Content;
import cn.mubiao.progress.report.domain.Report;
import cn.mubiao.progress.report.persistence.ReportStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The reports behind the DHIS2 {@code dataValueSets} exchange. A reporter's row for its own unit is its report:
 * the first value submits it, a different value corrects it (a new version), the same value again changes
 * nothing. A monitor's row is a value of its source (the statistics bureau, or the target's monitoring business
 * department), added beside the others. Export gives the value that counts for each report the caller may see.
 */
@Component
class ReportLedger implements ValueLedger {

    static final String CORRECTION_REASON = "经数据交换（dataValueSets）导入 / imported through dataValueSets";

    private final AssignmentStore assignments;
    private final ReportStore reports;
    private final ReportWrites writes;
    private final VerifyReports verify;
    private final Clock clock;
    private final ProgressProperties settings;

    ReportLedger(AssignmentStore assignments, ReportStore reports, ReportWrites writes, VerifyReports verify, Clock clock,
                 ProgressProperties settings) {
        this.assignments = assignments;
        this.reports = reports;
        this.writes = writes;
        this.verify = verify;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public RowOutcome record(Caller caller, String assignmentId, String period, BigDecimal value, String comment,
                             boolean dryRun) {
        Optional<Assignment> found = assignments.find(assignmentId);
        if (found.isEmpty()) {
            return RowOutcome.unknownAssignment();
        }
        Assignment a = found.get();
        if (caller.hasRole(Roles.REPORTER) && a.unitCode().equals(caller.unit())) {
            return selfReport(caller, a, period, value, comment, dryRun);
        }
        Optional<ValueSource> source = caller.hasRole(Roles.MONITOR) ? verify.sourceOf(caller, a) : Optional.empty();
        if (source.isEmpty()) {
            return RowOutcome.unknownAssignment();
        }
        return officialValue(caller, a, source.get(), period, value, comment, dryRun);
    }

    private RowOutcome selfReport(Caller caller, Assignment a, String period, BigDecimal value, String comment,
                                  boolean dryRun) {
        Content content = Content.of(value, new Narrative(comment, null, null));
        Instant now = clock.instant();
        if (dryRun) {
            Report report = reports.find(a.assignmentId(), period).orElseGet(() -> Report.open(a, period, now, settings.zone()));
            return apply(report, a, content, caller, now);
        }
        return writes.change(Report.idOf(a.assignmentId(), period),
                () -> Optional.of(Report.open(a, period, now, settings.zone())),
                report -> {
                    RowOutcome outcome = apply(report, a, content, caller, now);
                    return report.pendingEvents().isEmpty() ? Change.replayed(outcome) : Change.written(outcome);
                }).answer();
    }

    private RowOutcome apply(Report report, Assignment a, Content content, Caller caller, Instant now) {
        if (!report.submitted()) {
            report.submit(a, content, caller.username(), now, settings.zone(), settings.dueDay(), null);
            return new RowOutcome.Imported();
        }
        BigDecimal latest = report.latest().content().cumulativeActual();
        if (latest == null || latest.compareTo(content.cumulativeActual()) != 0) {
            report.correct(a, content, CORRECTION_REASON, caller.username(), now, settings.zone(), settings.dueDay(), null);
        }
        return new RowOutcome.Updated();
    }

    private RowOutcome officialValue(Caller caller, Assignment a, ValueSource source, String period, BigDecimal value,
                                     String comment, boolean dryRun) {
        boolean existed = reports.find(a.assignmentId(), period)
                .map(r -> r.values().stream().anyMatch(v -> v.source() == source)).orElse(false);
        verify.recordValue(caller, a.assignmentId(), period, value, comment, dryRun);
        return existed ? new RowOutcome.Updated() : new RowOutcome.Imported();
    }

    @Override
    public List<ExportedValue> read(Caller caller, ExportQuery query) {
        List<ExportedValue> out = new ArrayList<>();
        Consumer<Assignment> each = a -> {
            if (!caller.sees(a.relations()) || !matches(a, query)) {
                return;
            }
            reports.findByAssignment(a).stream()
                    .filter(r -> query.coversPeriod(r.period()))
                    .map(ReportLedger::exported)
                    .flatMap(Optional::stream)
                    .filter(v -> query.changedSince(v.lastUpdated()))
                    .forEach(out::add);
        };
        assignments.forEachBatch(500, batch -> batch.forEach(each));
        out.sort(Comparator.comparing(ExportedValue::assignmentId).thenComparing(ExportedValue::period));
        return out;
    }

    private static boolean matches(Assignment a, ExportQuery q) {
        return q.coversDataElement(AssignmentIds.dataElement(a.assignmentId()))
                && q.coversOrgUnit(a.unitCode(), UnitCodes::isInSubtree);
    }

    /** The value that counts, who stored it, when the period was first given a value and when it last changed. */
    private static Optional<ExportedValue> exported(Report r) {
        return r.effective().map(e -> {
            List<Instant> times = new ArrayList<>();
            r.versions().forEach(v -> times.add(v.at()));
            r.values().forEach(v -> times.add(v.at()));
            Instant created = times.stream().min(Comparator.naturalOrder()).orElse(e.at());
            Instant updated = times.stream().max(Comparator.naturalOrder()).orElse(e.at());
            String storedBy = e.source() == ValueSource.SELF_REPORT ? r.latest().by()
                    : r.values().stream().filter(v -> v.source() == e.source() && v.at().equals(e.at()))
                    .map(Report.SourcedValue::by).findFirst().orElse(null);
            String comment = e.source() == ValueSource.SELF_REPORT ? r.latest().content().narrative().progress()
                    : r.values().stream().filter(v -> v.source() == e.source() && v.at().equals(e.at()))
                    .map(Report.SourcedValue::note).findFirst().orElse(null);
            return new ExportedValue(r.assignmentId(), r.period().code(), e.value(), storedBy, created, updated, comment);
        });
    }
}
