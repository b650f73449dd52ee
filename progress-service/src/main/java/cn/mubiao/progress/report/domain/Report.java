package cn.mubiao.progress.report.domain;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.progress.assignment.domain.Assignment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit's progress report for one assignment and period. Created by {@link #submit}, which checks the
 * period against the assignment's calendar and records {@code ProgressReported}.
 */
public final class Report {

    /** Decimal places of a stored completion (0.4166666667 for 5 of 12). */
    public static final int COMPLETION_SCALE = 10;

    private final String id;
    private final String assignmentId;
    private final String unitCode;
    private final Period period;
    private final BigDecimal cumulativeActual;
    private final BigDecimal completion;
    private final Narrative narrative;
    private final String reportedBy;
    private final Instant reportedAt;
    private final boolean late;
    private final List<MubiaoEvent> pendingEvents = new ArrayList<>();

    private Report(String id, String assignmentId, String unitCode, Period period, BigDecimal cumulativeActual,
                   BigDecimal completion, Narrative narrative, String reportedBy, Instant reportedAt, boolean late) {
        this.id = id;
        this.assignmentId = assignmentId;
        this.unitCode = unitCode;
        this.period = period;
        this.cumulativeActual = cumulativeActual;
        this.completion = completion;
        this.narrative = narrative;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
        this.late = late;
    }

    /**
     * Submits a report.
     *
     * @param periodCode the period as coded by the reporter
     * @param dueDay     days after the period end by which the report is due
     * @throws InvalidInput naming the field when the period or value does not fit the assignment
     */
    public static Report submit(String id, Assignment assignment, String periodCode, BigDecimal cumulativeActual,
                                Narrative narrative, String reportedBy, Instant now, ZoneId zone, int dueDay) {
        Period period = Period.parse(periodCode).orElseThrow(() -> new InvalidInput("period",
                "不是有效的报告期代码（如202407、2024Q3、2024S1、2024） / not a period code such as 202407, 2024Q3, 2024S1, 2024"));
        if (period.frequency() != assignment.frequency()) {
            throw new InvalidInput("period", "该目标按" + label(assignment) + "报送，报告期" + periodCode
                    + "不符 / the assignment reports " + assignment.frequency().name().toLowerCase() + ", not by this period");
        }
        if (period.year() != assignment.year()) {
            throw new InvalidInput("period", "报告期不在目标年度" + assignment.year() + "内 / the period is outside the plan year "
                    + assignment.year());
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (period.firstDay().isAfter(today)) {
            throw new InvalidInput("period", "报告期尚未开始 / the period lies in the future");
        }
        if (cumulativeActual == null) {
            throw new InvalidInput("cumulativeActual", "必填 / required");
        }
        if (cumulativeActual.signum() < 0) {
            throw new InvalidInput("cumulativeActual", "不能为负数 / must not be negative");
        }
        if (assignment.kind() == IndicatorKind.QUALITATIVE) {
            throw new InvalidInput("cumulativeActual", "定性目标按节点报送 / a qualitative target reports milestones");
        }
        // kept at the precision it is stored in, so a replay answers exactly what the first call answered
        BigDecimal completion = assignment.kind().completion(cumulativeActual, assignment.targetValue())
                .setScale(COMPLETION_SCALE, RoundingMode.HALF_EVEN);
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        boolean late = today.isAfter(period.dueDate(dueDay));
        Report report = new Report(id, assignment.assignmentId(), assignment.unitCode(), period, cumulativeActual,
                completion, narrative == null ? Narrative.EMPTY : narrative, reportedBy, at, late);
        report.pendingEvents.add(new ProgressReported(id, assignment.assignmentId(), assignment.unitCode(),
                period.code(), cumulativeActual, completion, reportedBy, at, late));
        return report;
    }

    /** Rebuilds a stored report; records no event. */
    public static Report restore(String id, String assignmentId, String unitCode, Period period, BigDecimal cumulativeActual,
                                 BigDecimal completion, Narrative narrative, String reportedBy, Instant reportedAt, boolean late) {
        return new Report(id, assignmentId, unitCode, period, cumulativeActual, completion, narrative, reportedBy,
                reportedAt, late);
    }

    private static String label(Assignment a) {
        return switch (a.frequency()) {
            case MONTHLY -> "月";
            case QUARTERLY -> "季度";
            case HALF_YEARLY -> "半年";
            case YEARLY -> "年";
        };
    }

    /** Whether another submission carries the same content (a replay rather than a new report). */
    public boolean sameContentAs(String assignmentId, String periodCode, BigDecimal actual) {
        return this.assignmentId.equals(assignmentId) && period.code().equals(periodCode)
                && cumulativeActual.compareTo(actual) == 0;
    }

    public List<MubiaoEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public String id() {
        return id;
    }

    public String assignmentId() {
        return assignmentId;
    }

    public String unitCode() {
        return unitCode;
    }

    public Period period() {
        return period;
    }

    public BigDecimal cumulativeActual() {
        return cumulativeActual;
    }

    public BigDecimal completion() {
        return completion;
    }

    public Narrative narrative() {
        return narrative;
    }

    public String reportedBy() {
        return reportedBy;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public boolean late() {
        return late;
    }
}
