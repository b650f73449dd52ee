package cn.mubiao.progress.calendar.persistence;

import cn.mubiao.progress.calendar.application.ReportedPeriods;
import cn.mubiao.progress.calendar.domain.Submission;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.report.domain.Report;
import cn.mubiao.progress.report.persistence.ReportStore;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** {@link ReportedPeriods} read from the stored reports. */
@Component
class ReportsAsReportedPeriods implements ReportedPeriods {

    private final ReportStore reports;

    ReportsAsReportedPeriods(ReportStore reports) {
        this.reports = reports;
    }

    /** When each period was first submitted (a correction does not move it), read by report id. */
    @Override
    public Map<String, Submission> of(Assignment assignment) {
        Map<String, Submission> out = new HashMap<>();
        reports.findByAssignment(assignment).stream()
                .filter(Report::submitted)
                .forEach(r -> {
                    Report.Version first = r.versions().getFirst();
                    out.put(r.period().code(), new Submission(first.at(), first.late()));
                });
        return out;
    }
}
