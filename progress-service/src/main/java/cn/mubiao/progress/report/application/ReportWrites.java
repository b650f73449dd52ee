package cn.mubiao.progress.report.application;

import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.events.OutboxEntry;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.report.domain.Report;
import cn.mubiao.progress.report.persistence.ReportStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read, change, write: one report and its events in one guarded write, read again and retried when another
 * writer came first, so two clerks or a clerk and a monitor at the same moment never undo each other.
 */
@Component
class ReportWrites {

    private static final int ATTEMPTS = 5;

    private final ReportStore reports;
    private final Outbox outbox;

    ReportWrites(ReportStore reports, Outbox outbox) {
        this.reports = reports;
        this.outbox = outbox;
    }

    /** What a change answered: the report as written, or an earlier answer when the change was a replay. */
    record Result<T>(Report report, T answer, boolean written) {
    }

    /**
     * @param fresh  a new report, when none is stored yet (empty: 404)
     * @param change applies the change and answers; answering {@code Optional.of} a stored state instead means
     *               a replay: nothing is written
     */
    <T> Result<T> change(String reportId, Supplier<Optional<Report>> fresh, Function<Report, Change<T>> change) {
        return change(reportId, fresh, change, false);
    }

    /**
     * As {@link #change}, for a report that is most likely not stored yet (a period's first submission): the
     * first attempt writes the fresh report without reading first, which saves a round trip at every month-end
     * submission. The write creates only where no report is stored; if one is, it is refused and the next attempt
     * reads the stored one as {@link #change} does.
     */
    <T> Result<T> changeLikelyNew(String reportId, Supplier<Optional<Report>> fresh, Function<Report, Change<T>> change) {
        return change(reportId, fresh, change, true);
    }

    private <T> Result<T> change(String reportId, Supplier<Optional<Report>> fresh, Function<Report, Change<T>> change,
                                 boolean freshFirst) {
        for (int attempt = 0; attempt < ATTEMPTS + (freshFirst ? 1 : 0); attempt++) {
            Optional<Report> unread = attempt == 0 && freshFirst ? fresh.get() : Optional.empty();
            Report report = unread.or(() -> reports.findById(reportId)).or(fresh)
                    .orElseThrow(() -> ProblemException.notFound("report", reportId));
            Change<T> c = change.apply(report);
            if (!c.write()) {
                return new Result<>(report, c.answer(), false);
            }
            List<OutboxEntry> entries = outbox.entries(report.pendingEvents());
            if (reports.save(report, entries)) {
                outbox.written(ReportStore.COLLECTION, report.id(), entries);
                return new Result<>(report, c.answer(), true);
            }
        }
        throw ProblemException.conflict("report", "报告正被他人同时修改，请重试 / the report is being changed at the same moment: try again");
    }

    /** The answer of a change, and whether it changed anything to write. */
    record Change<T>(T answer, boolean write) {
        static <T> Change<T> written(T answer) {
            return new Change<>(answer, true);
        }

        static <T> Change<T> replayed(T answer) {
            return new Change<>(answer, false);
        }
    }
}
