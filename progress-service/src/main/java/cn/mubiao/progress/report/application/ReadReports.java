package cn.mubiao.progress.report.application;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.progress.assignment.domain.Assignment;
import cn.mubiao.progress.assignment.persistence.AssignmentStore;
import cn.mubiao.progress.report.domain.Report;
import cn.mubiao.progress.report.domain.Report.Effective;
import cn.mubiao.progress.report.persistence.ReportStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads reports within the caller's scope: its unit subtree, or what its unit leads, co-handles or monitors. */
@Component
public class ReadReports {

    private final AssignmentStore assignments;
    private final ReportStore reports;

    ReadReports(AssignmentStore assignments, ReportStore reports) {
        this.assignments = assignments;
        this.reports = reports;
    }

    public Report one(Caller caller, String reportId) {
        return Report.Id.parse(reportId)
                .filter(id -> visible(caller, id.assignmentId()).isPresent())
                .flatMap(id -> reports.findById(reportId))
                .orElseThrow(() -> ProblemException.notFound("report", reportId));
    }

    public List<Report> ofAssignment(Caller caller, String assignmentId) {
        Assignment a = visible(caller, assignmentId).orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
        return reports.findByAssignment(a);
    }

    /** The assignment, when the caller may see it. */
    public Optional<Assignment> visible(Caller caller, String assignmentId) {
        return assignments.find(assignmentId).filter(a -> caller.sees(a.relations()));
    }

    /** One child's part of a roll-up: its verified actual for the period, if it has one. */
    public record ChildActual(Assignment child, Optional<Report> report, Optional<Effective> verified) {
    }

    /**
     * The roll-up of a cumulative target for a period (DOMAIN.md §4): the verified actuals of the assignments split
     * from it add up to the parent's actual, shown beside what was reported at the parent's own level.
     */
    public record RollUp(Assignment parent, String period, Optional<Report> own, List<ChildActual> children, BigDecimal childrenTotal,
                         int verifiedChildren) {
        public boolean complete() {
            return verifiedChildren == children.size();
        }
    }

    public RollUp rollUp(Caller caller, String assignmentId, String period) {
        Assignment parent = visible(caller, assignmentId)
                .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
        if (parent.kind() != IndicatorKind.CUMULATIVE) {
            throw ProblemException.invalid("assignmentId",
                    "只有累计型目标逐级汇总（" + parent.kind() + "型各单位自有目标值） / only cumulative targets roll up");
        }
        List<String> childIds = assignments.childrenOf(parent);
        if (childIds.isEmpty()) {
            throw ProblemException.invalid("assignmentId", "该目标未向下分解 / the target was not split to any unit");
        }
        Report.periodOf(parent, period);
        List<ChildActual> children = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int verified = 0;
        for (Assignment child : assignments.findAll(childIds)) {
            Optional<Report> report = reports.find(child.assignmentId(), period);
            Optional<Effective> value = report.flatMap(Report::verified);
            if (value.isPresent()) {
                total = total.add(value.get().value());
                verified++;
            }
            children.add(new ChildActual(child, report, value));
        }
        children.sort(Comparator.comparing(c -> c.child().unitCode()));
        return new RollUp(parent, period, reports.find(assignmentId, period), children, total, verified);
    }
}
