package cn.mubiao.progress.calendar.persistence;

import cn.mubiao.progress.calendar.application.ReportedPeriods;
import cn.mubiao.progress.calendar.domain.Submission;
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

    @Override
    public Map<String, Submission> of(String assignmentId) {
        Map<String, Submission> out = new HashMap<>();
        reports.findByAssignment(assignmentId).forEach(r -> out.put(r.period().code(), new Submission(r.reportedAt(), r.late())));
        return out;
    }
}
