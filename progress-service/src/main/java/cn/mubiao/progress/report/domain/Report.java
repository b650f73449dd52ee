package cn.mubiao.progress.report.domain;

import cn.mubiao.kit.domain.StorableNumbers;
import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.Period;
import cn.mubiao.contracts.progress.FraudFlagged;
import cn.mubiao.contracts.progress.MilestoneProgress;
import cn.mubiao.contracts.progress.ProgressCorrected;
import cn.mubiao.contracts.progress.ProgressReported;
import cn.mubiao.contracts.progress.ProgressReturned;
import cn.mubiao.contracts.progress.ProgressVerified;
import cn.mubiao.contracts.progress.ValueSource;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;
import cn.mubiao.progress.assignment.domain.Assignment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A unit's report on one assignment for one period (DOMAIN.md §4), with everything that happened to it: the
 * submitted version and every correction (never overwritten), a draft being prepared, the values a business
 * department or the statistics bureau recorded, and each verification. One document per assignment and
 * period; its id is {@code <assignmentId>:<period>}.
 */
public final class Report {

    /** Decimal places of a stored completion (0.4166666667 for 5 of 12). */
    public static final int COMPLETION_SCALE = 10;

    /** Where the report stands. */
    public enum Status {
        /** nothing submitted yet (a draft or an official value may exist) */
        OPEN,
        /** submitted or corrected, waiting for the monitoring unit */
        SUBMITTED,
        /** returned by the monitoring unit with a reason: the unit corrects it */
        RETURNED,
        /** accepted by the monitoring unit */
        ACCEPTED,
        /** flagged as false by the monitoring unit */
        FRAUD_FLAGGED
    }

    /** What a unit reports: a cumulative actual, or for a qualitative target where each milestone stands. */
    public record Content(BigDecimal cumulativeActual, List<MilestoneProgress> milestones, Narrative narrative) {
        public Content {
            milestones = milestones == null ? List.of() : List.copyOf(milestones);
            narrative = narrative == null ? Narrative.EMPTY : narrative;
        }

        public static Content of(BigDecimal cumulativeActual, Narrative narrative) {
            return new Content(cumulativeActual, List.of(), narrative);
        }
    }

    /** One submitted version; version 1 is the report, the later ones corrections. */
    public record Version(int number, Content content, BigDecimal completion, String by, Instant at, boolean late,
                          String reason, String idempotencyKey) {
    }

    /** A value recorded by a source other than the unit itself. */
    public record SourcedValue(ValueSource source, BigDecimal value, BigDecimal completion, String by, String unitCode,
                               Instant at, String note) {
    }

    /** A decision of the monitoring unit on a version. */
    public record Verification(Decision decision, int version, String reason, String by, String unitCode, Instant at) {
    }

    public enum Decision { ACCEPTED, RETURNED, FRAUD_FLAGGED }

    /** A file the unit attached as evidence (佐证材料); the bytes are stored elsewhere under {@code fileId}. */
    public record Evidence(String fileId, String name, String contentType, long size, String sha256, String by,
                           Instant at) {
    }

    /** At most this many files per report. */
    public static final int MAX_EVIDENCE = 20;

    /** Content being prepared and not yet submitted. */
    public record Draft(Content content, String reason, String by, Instant at) {
    }

    /** The value that counts now, and where it comes from. */
    public record Effective(BigDecimal value, ValueSource source, BigDecimal completion, Instant at) {
    }

    private final String assignmentId;
    private final String unitCode;
    private final Period period;
    private final long revision;
    private Status status;
    private final List<Version> versions;
    private final List<SourcedValue> values;
    private final List<Verification> verifications;
    private Draft draft;
    private final List<Evidence> evidence;
    private final List<MubiaoEvent> pendingEvents = new ArrayList<>();

    private Report(String assignmentId, String unitCode, Period period, long revision, Status status,
                   List<Version> versions, List<SourcedValue> values, List<Verification> verifications, Draft draft,
                   List<Evidence> evidence) {
        this.assignmentId = assignmentId;
        this.unitCode = unitCode;
        this.period = period;
        this.revision = revision;
        this.status = status;
        this.versions = new ArrayList<>(versions);
        this.values = new ArrayList<>(values);
        this.verifications = new ArrayList<>(verifications);
        this.draft = draft;
        this.evidence = new ArrayList<>(evidence);
    }

    public static String idOf(String assignmentId, String periodCode) {
        return assignmentId + ":" + periodCode;
    }

    /** A report id taken apart: {@code <assignmentId>:<period>}. */
    public record Id(String assignmentId, String period) {
        public static Optional<Id> parse(String reportId) {
            int colon = reportId == null ? -1 : reportId.lastIndexOf(':');
            if (colon <= 0 || colon == reportId.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new Id(reportId.substring(0, colon), reportId.substring(colon + 1)));
        }
    }

    /**
     * A new, empty report for a period of the assignment's calendar that has begun.
     *
     * @throws InvalidInput naming {@code period} when the period is not one of the assignment's or lies ahead
     */
    public static Report open(Assignment assignment, String periodCode, Instant now, ZoneId zone) {
        Period period = periodOf(assignment, periodCode);
        if (period.firstDay().isAfter(LocalDate.ofInstant(now, zone))) {
            throw new InvalidInput("period", "报告期尚未开始 / the period lies in the future");
        }
        return new Report(assignment.assignmentId(), assignment.unitCode(), period, 0, Status.OPEN, List.of(),
                List.of(), List.of(), null, List.of());
    }

    /** Checks that a period code belongs to the assignment's calendar. */
    public static Period periodOf(Assignment assignment, String periodCode) {
        Period period = Period.parse(periodCode).orElseThrow(() -> new InvalidInput("period",
                "不是有效的报告期代码（如202407、2024Q3、2024S1、2024） / not a period code such as 202407, 2024Q3, 2024S1, 2024"));
        if (period.frequency() != assignment.frequency()) {
            throw new InvalidInput("period", "该目标按" + label(assignment.frequency()) + "报送，报告期" + periodCode
                    + "不符 / the assignment reports " + assignment.frequency().name().toLowerCase() + ", not by this period");
        }
        if (period.year() != assignment.year()) {
            throw new InvalidInput("period", "报告期不在目标年度" + assignment.year() + "内 / the period is outside the plan year "
                    + assignment.year());
        }
        return period;
    }

    /** Rebuilds a stored report; records no event. */
    public static Report restore(String assignmentId, String unitCode, Period period, long revision, Status status,
                                 List<Version> versions, List<SourcedValue> values, List<Verification> verifications,
                                 Draft draft, List<Evidence> evidence) {
        return new Report(assignmentId, unitCode, period, revision, status, versions, values, verifications, draft,
                evidence);
    }

    private static String label(Frequency f) {
        return switch (f) {
            case MONTHLY -> "月";
            case QUARTERLY -> "季度";
            case HALF_YEARLY -> "半年";
            case YEARLY -> "年";
        };
    }

    // ---- the unit ----

    /** Keeps content being prepared; nothing is submitted and nobody is told. */
    public void saveDraft(Assignment assignment, Content content, String reason, String by, Instant now, ZoneId zone) {
        refuseIfWithdrawn(assignment);
        completionOf(assignment, content, LocalDate.ofInstant(now, zone)); // the same checks as a submission, so a draft can always be submitted
        draft = new Draft(content, blankToNull(reason), by, now.truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * Submits the first version and records {@code ProgressReported}.
     *
     * @throws RuleViolation when a version was submitted already (a correction is the way to change it)
     */
    public void submit(Assignment assignment, Content content, String by, Instant now, ZoneId zone, int dueDay,
                       String idempotencyKey) {
        refuseIfWithdrawn(assignment);
        if (!versions.isEmpty()) {
            throw new RuleViolation("period", "该报告期已报送，请提交更正 / this period is already reported; submit a correction");
        }
        Version v = addVersion(assignment, content, null, by, now, zone, dueDay, idempotencyKey);
        pendingEvents.add(new ProgressReported(id(), assignmentId, unitCode, period.code(),
                content.cumulativeActual(), v.completion(), by, v.at(), v.late(), 1, content.milestones()));
    }

    /**
     * Adds a corrected version beside the earlier ones and records {@code ProgressCorrected}; the report waits
     * for verification again.
     */
    public void correct(Assignment assignment, Content content, String reason, String by, Instant now, ZoneId zone,
                        int dueDay, String idempotencyKey) {
        refuseIfWithdrawn(assignment);
        if (versions.isEmpty()) {
            throw new RuleViolation("period", "该报告期尚未报送，无可更正 / nothing reported for this period yet: submit it first");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "更正须说明原因 / a correction needs a reason");
        }
        Version v = addVersion(assignment, content, reason.strip(), by, now, zone, dueDay, idempotencyKey);
        pendingEvents.add(new ProgressCorrected(id(), assignmentId, unitCode, period.code(), v.number(),
                content.cumulativeActual(), v.completion(), content.milestones(), v.reason(), by, v.at(), v.late()));
    }

    /** Submits the draft: as the report, or as a correction when the period was reported already. */
    public void submitDraft(Assignment assignment, String by, Instant now, ZoneId zone, int dueDay, String idempotencyKey) {
        if (draft == null) {
            throw new RuleViolation("draft", "没有待提交的草稿 / there is no draft to submit");
        }
        Draft d = draft;
        if (versions.isEmpty()) {
            submit(assignment, d.content(), by, now, zone, dueDay, idempotencyKey);
        } else {
            correct(assignment, d.content(), d.reason(), by, now, zone, dueDay, idempotencyKey);
        }
    }

    private Version addVersion(Assignment assignment, Content content, String reason, String by, Instant now,
                               ZoneId zone, int dueDay, String idempotencyKey) {
        BigDecimal completion = completionOf(assignment, content, LocalDate.ofInstant(now, zone));
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        boolean late = LocalDate.ofInstant(now, zone).isAfter(period.dueDate(dueDay));
        Version v = new Version(versions.size() + 1, content, completion, by, at, late, reason, idempotencyKey);
        versions.add(v);
        draft = null;
        status = Status.SUBMITTED;
        return v;
    }

    /**
     * Checks the content against the target and computes its completion: actual against target for a numeric
     * target (not capped), the share of milestones done for a qualitative one.
     */
    static BigDecimal completionOf(Assignment assignment, Content content, LocalDate today) {
        if (assignment.qualitative()) {
            if (content.cumulativeActual() != null) {
                throw new InvalidInput("cumulativeActual", "定性目标按节点报送，不填累计值 / a qualitative target reports milestones, not a value");
            }
            return milestoneCompletion(assignment, content.milestones(), today);
        }
        if (!content.milestones().isEmpty()) {
            throw new InvalidInput("milestones", "定量目标不报节点 / only a qualitative target reports milestones");
        }
        BigDecimal actual = content.cumulativeActual();
        if (actual == null) {
            throw new InvalidInput("cumulativeActual", "必填 / required");
        }
        if (actual.signum() < 0) {
            throw new InvalidInput("cumulativeActual", "不能为负数 / must not be negative");
        }
        StorableNumbers.require(actual, "cumulativeActual");
        return numericCompletion(assignment, actual);
    }

    private static BigDecimal numericCompletion(Assignment assignment, BigDecimal actual) {
        // kept at the precision it is stored in, so a replay answers exactly what the first call answered
        return assignment.kind().completion(actual, assignment.targetValue()).setScale(COMPLETION_SCALE, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal milestoneCompletion(Assignment assignment, List<MilestoneProgress> reported, LocalDate today) {
        var defined = assignment.milestones();
        if (defined.isEmpty()) {
            throw new InvalidInput("milestones", "该定性目标未设节点 / the target defines no milestones");
        }
        if (reported.isEmpty()) {
            throw new InvalidInput("milestones", "请逐项填报节点进展 / report where each milestone stands");
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            MilestoneProgress m = reported.get(i);
            String field = "milestones[" + i + "]";
            if (m.title() == null || defined.stream().noneMatch(d -> d.title().equals(m.title()))) {
                throw new InvalidInput(field + ".title", "不是该目标的节点：" + m.title() + " / not a milestone of this target");
            }
            if (seen.contains(m.title())) {
                throw new InvalidInput(field + ".title", "节点重复：" + m.title() + " / milestone given twice");
            }
            seen.add(m.title());
            if (m.doneOn() != null && !m.done()) {
                throw new InvalidInput(field + ".doneOn", "未完成的节点不填完成日期 / a milestone not done has no date done");
            }
            if (m.doneOn() != null && m.doneOn().isAfter(today)) {
                throw new InvalidInput(field + ".doneOn", "完成日期不能晚于今天 / the date done lies in the future");
            }
        }
        long done = reported.stream().filter(MilestoneProgress::done).count();
        return BigDecimal.valueOf(done).divide(BigDecimal.valueOf(defined.size()), COMPLETION_SCALE, RoundingMode.HALF_EVEN);
    }

    private static void refuseIfWithdrawn(Assignment assignment) {
        if (assignment.withdrawn()) {
            throw new RuleViolation("assignmentId", "该目标已撤销，不再报送 / the assignment was withdrawn: no more reports");
        }
    }

    /**
     * Attaches a stored file as evidence. Files are never removed: a correction adds files, as it adds a version.
     *
     * @throws RuleViolation when the report holds {@value #MAX_EVIDENCE} files already, or the file twice
     */
    public void attachEvidence(Assignment assignment, Evidence file) {
        refuseIfWithdrawn(assignment);
        if (evidence.size() >= MAX_EVIDENCE) {
            throw new RuleViolation("file", "每份报告最多" + MAX_EVIDENCE + "个佐证材料 / at most " + MAX_EVIDENCE
                    + " evidence files per report");
        }
        if (evidence.stream().anyMatch(e -> e.sha256().equals(file.sha256()))) {
            throw new RuleViolation("file", "该文件已上传：" + file.name() + " / this file is attached already");
        }
        evidence.add(file);
    }

    // ---- the monitoring unit, the business department, the statistics bureau ----

    /** The monitoring unit accepts the version under review (认定); records {@code ProgressVerified}. */
    public void accept(Assignment assignment, String by, String byUnit, Instant now) {
        requireStatus(Status.SUBMITTED, "只能认定待认定的报告 / only a report waiting for verification can be accepted");
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        verifications.add(new Verification(Decision.ACCEPTED, latest().number(), null, by, byUnit, at));
        status = Status.ACCEPTED;
        verified(assignment, ProgressVerified.ACCEPTED, ValueSource.SELF_REPORT, by, byUnit, at);
    }

    /** The monitoring unit returns the version under review with a reason; records {@code ProgressReturned}. */
    public void returnToUnit(Assignment assignment, String reason, String by, String byUnit, Instant now) {
        requireStatus(Status.SUBMITTED, "只能退回待认定的报告 / only a report waiting for verification can be returned");
        String why = requireReason(reason);
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Version v = latest();
        verifications.add(new Verification(Decision.RETURNED, v.number(), why, by, byUnit, at));
        status = Status.RETURNED;
        pendingEvents.add(new ProgressReturned(id(), assignmentId, unitCode, period.code(), v.number(), why, v.by(), by,
                byUnit, at, assignment.targetTitle(), assignment.unitName()));
    }

    /** The monitoring unit flags the report as false (虚报瞒报); records {@code FraudFlagged}. */
    public void flagFraud(String reason, String by, String byUnit, Instant now) {
        if (status != Status.SUBMITTED && status != Status.ACCEPTED) {
            throw new RuleViolation("decision", "只能对已报送的报告认定虚报 / only a submitted report can be flagged");
        }
        String why = requireReason(reason);
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Version v = latest();
        verifications.add(new Verification(Decision.FRAUD_FLAGGED, v.number(), why, by, byUnit, at));
        status = Status.FRAUD_FLAGGED;
        pendingEvents.add(new FraudFlagged(id(), assignmentId, unitCode, period.code(), v.number(), why, v.by(), by,
                byUnit, at));
    }

    /**
     * A business department or the statistics bureau records its own value for the period; it never replaces
     * an earlier one, and the effective value follows the precedence of the sources. Records
     * {@code ProgressVerified}.
     */
    public void recordValue(Assignment assignment, ValueSource source, BigDecimal value, String note, String by,
                            String byUnit, Instant now) {
        if (source == ValueSource.SELF_REPORT) {
            throw new IllegalArgumentException("a unit's own values are its report versions");
        }
        refuseIfWithdrawn(assignment);
        if (assignment.qualitative()) {
            throw new InvalidInput("value", "定性目标没有数值 / a qualitative target has no value to record");
        }
        if (value == null) {
            throw new InvalidInput("value", "必填 / required");
        }
        if (value.signum() < 0) {
            throw new InvalidInput("value", "不能为负数 / must not be negative");
        }
        StorableNumbers.require(value, "value");
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        values.add(new SourcedValue(source, value, numericCompletion(assignment, value), by, byUnit, at, blankToNull(note)));
        verified(assignment, ProgressVerified.VALUE_RECORDED, source, by, byUnit, at);
    }

    private void verified(Assignment assignment, String act, ValueSource actSource, String by, String byUnit, Instant at) {
        Effective e = effective().orElseThrow();
        pendingEvents.add(new ProgressVerified(id(), assignmentId, unitCode, period.code(),
                versions.isEmpty() ? 0 : latest().number(), act, actSource, e.value(), e.source(), e.completion(), by,
                byUnit, at));
    }

    private void requireStatus(Status required, String message) {
        if (status != required) {
            throw new RuleViolation("decision", message + "（当前：" + status + "）");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "必须说明原因 / a reason is required");
        }
        return reason.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- reading ----

    /**
     * The value that counts: the newest value of the highest-precedence source present (统计部门 > 业务部门 >
     * 单位自报). A unit's own report counts unless it was flagged as false; empty when nothing counts yet.
     */
    public Optional<Effective> effective() {
        Optional<Effective> official = values.stream()
                .max(Comparator.comparing(SourcedValue::source).thenComparing(SourcedValue::at))
                .map(v -> new Effective(v.value(), v.source(), v.completion(), v.at()));
        if (official.isPresent() || versions.isEmpty() || status == Status.FRAUD_FLAGGED) {
            return official;
        }
        Version v = latest();
        return Optional.of(new Effective(v.content().cumulativeActual(), ValueSource.SELF_REPORT, v.completion(), v.at()));
    }

    /** The effective value when it is verified: accepted by the monitor, or recorded by an official source. */
    public Optional<Effective> verified() {
        return effective().filter(e -> e.source() != ValueSource.SELF_REPORT || status == Status.ACCEPTED);
    }

    /** The version submitted under this idempotency key, if any. */
    public Optional<Version> submittedUnder(String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return versions.stream().filter(v -> idempotencyKey.equals(v.idempotencyKey())).findFirst();
    }

    public boolean submitted() {
        return !versions.isEmpty();
    }

    public Version latest() {
        if (versions.isEmpty()) {
            throw new IllegalStateException("nothing submitted");
        }
        return versions.getLast();
    }

    public List<MubiaoEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public String id() {
        return idOf(assignmentId, period.code());
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

    public long revision() {
        return revision;
    }

    public Status status() {
        return status;
    }

    public List<Version> versions() {
        return List.copyOf(versions);
    }

    public List<SourcedValue> values() {
        return List.copyOf(values);
    }

    public List<Verification> verifications() {
        return List.copyOf(verifications);
    }

    public List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    public Optional<Draft> draft() {
        return Optional.ofNullable(draft);
    }
}
