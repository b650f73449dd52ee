package cn.mubiao.progress.report.application;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import cn.mubiao.progress.report.domain.Report;
import cn.mubiao.progress.report.persistence.ReportStore;
import org.springframework.stereotype.Component;

import java.util.List;

/** Reads reports within the caller's scope: its unit subtree, or what its unit monitors. */
@Component
public class ReadReports {

    private final AssignmentStore assignments;
    private final ReportStore reports;

    ReadReports(AssignmentStore assignments, ReportStore reports) {
        this.assignments = assignments;
        this.reports = reports;
    }

    public Report one(Caller caller, String reportId) {
        return reports.findById(reportId)
                .filter(r -> visible(caller, r.assignmentId()))
                .orElseThrow(() -> ProblemException.notFound("report", reportId));
    }

    public List<Report> ofAssignment(Caller caller, String assignmentId) {
        if (!visible(caller, assignmentId)) {
            throw ProblemException.notFound("assignment", assignmentId);
        }
        return reports.findByAssignment(assignmentId);
    }

    private boolean visible(Caller caller, String assignmentId) {
        return assignments.find(assignmentId).map(a -> sees(caller, a)).orElse(false);
    }

    static boolean sees(Caller caller, Assignment a) {
        return caller.sees(a.relations());
    }
}
