package cn.mubiao.target.assignment.domain;

import cn.mubiao.kit.domain.StorableNumbers;
import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.target.AssignmentWithdrawn;
import cn.mubiao.contracts.target.TargetAdjusted;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.domain.RuleViolation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A target assigned to one unit. Every change is a new version, kept with the moment it took effect, and
 * records {@code TargetAssigned} (the full terms); an adjustment also records {@code TargetAdjusted}, a
 * withdrawal {@code AssignmentWithdrawn}.
 */
public final class Assignment {

    /** One version of the terms and the moment it took effect. */
    public record Version(long version, Instant validFrom, AssignmentTerms terms) {
    }

    private final String id;
    private AssignmentTerms terms;
    private long version;
    private boolean withdrawn;
    private final List<Version> history;
    private final List<AdjustmentRequest> adjustments;
    private long revision;
    private final List<MubiaoEvent> pendingEvents = new ArrayList<>();

    private Assignment(String id, AssignmentTerms terms, long version, boolean withdrawn, List<Version> history,
                       List<AdjustmentRequest> adjustments, long revision) {
        this.id = id;
        this.terms = terms;
        this.version = version;
        this.withdrawn = withdrawn;
        this.history = new ArrayList<>(history);
        this.adjustments = new ArrayList<>(adjustments);
        this.revision = revision;
    }

    public static Assignment assign(String id, AssignmentTerms terms, Instant at) {
        Assignment a = new Assignment(id, terms, 0, false, List.of(), List.of(), 0);
        a.apply(terms, at);
        a.revision = 1;
        return a;
    }

    /**
     * @param revision counts every stored change (versions count changes of the terms only); it guards
     *                 concurrent writers
     */
    public static Assignment restore(String id, AssignmentTerms terms, long version, boolean withdrawn, List<Version> history,
                                     List<AdjustmentRequest> adjustments, long revision) {
        return new Assignment(id, terms, version, withdrawn, history, adjustments, revision);
    }

    /**
     * The unit asks for a change with a reason; one open request at a time.
     *
     * @return the request recorded
     */
    public AdjustmentRequest requestAdjustment(BigDecimal value, BigDecimal score, String reason, String by, Instant at) {
        requireActive();
        checkChange(value, score, reason);
        if (adjustments.stream().anyMatch(r -> r.status() == AdjustmentRequest.Status.REQUESTED)) {
            throw new RuleViolation("adjustments", "已有一项调整申请待审批 / a request is already waiting for a decision");
        }
        var r = new AdjustmentRequest(adjustments.size() + 1, value, score, reason, by, at, false,
                AdjustmentRequest.Status.REQUESTED, null, null, null);
        adjustments.add(r);
        revision++;
        return r;
    }

    /** The issuing office approves a request: the change applies now. */
    public AdjustmentRequest approveAdjustment(int number, String by, String note, Instant at) {
        AdjustmentRequest r = open(number);
        var decided = r.decided(AdjustmentRequest.Status.APPROVED, by, at, note);
        adjustments.set(number - 1, decided);
        adjust(r.value(), r.standardScore(), AdjustmentRequest.idOf(id, number), r.reason(), false, by, at);
        revision++;
        return decided;
    }

    /** The issuing office rejects a request with a reason: nothing changes. */
    public AdjustmentRequest rejectAdjustment(int number, String by, String note, Instant at) {
        AdjustmentRequest r = open(number);
        if (note == null || note.isBlank()) {
            throw new InvalidInput("note", "驳回须说明理由 / a rejection needs a reason");
        }
        var decided = r.decided(AdjustmentRequest.Status.REJECTED, by, at, note);
        adjustments.set(number - 1, decided);
        revision++;
        return decided;
    }

    /** A change ordered from above applies at any time. */
    public AdjustmentRequest orderAdjustment(BigDecimal value, BigDecimal score, String reason, String by, Instant at) {
        requireActive();
        checkChange(value, score, reason);
        var r = new AdjustmentRequest(adjustments.size() + 1, value, score, reason, by, at, true,
                AdjustmentRequest.Status.APPROVED, by, at, null);
        adjustments.add(r);
        adjust(value, score, AdjustmentRequest.idOf(id, r.number()), reason, true, by, at);
        revision++;
        return r;
    }

    /**
     * A change ordered to meet the province's stricter value (就高不就低, ADR 0008) after the plan was issued: like
     * {@link #orderAdjustment}, and the terms say from now on that the value came from the province.
     *
     * @param value         the assignment's new value (a share's part of the province's value)
     * @param provinceValue the province's value of the whole target
     * @param cityValue     the city's own value of the whole target
     */
    public AdjustmentRequest orderProvinceAlignment(BigDecimal value, BigDecimal provinceValue, BigDecimal cityValue,
                                                    String reason, String by, Instant at) {
        requireActive();
        checkChange(value, null, reason);
        var r = new AdjustmentRequest(adjustments.size() + 1, value, null, reason, by, at, true,
                AdjustmentRequest.Status.APPROVED, by, at, null);
        adjustments.add(r);
        AssignmentTerms before = terms;
        apply(terms.adjusted(value, terms.standardScore()).alignedWithProvince(provinceValue, cityValue), at);
        pendingEvents.add(new TargetAdjusted(id, AdjustmentRequest.idOf(id, r.number()), terms.planId(), terms.unitCode(),
                before.targetValue(), terms.targetValue(), before.standardScore(), terms.standardScore(), reason, true, by,
                at, version));
        revision++;
        return r;
    }

    private AdjustmentRequest open(int number) {
        if (number < 1 || number > adjustments.size()) {
            throw new InvalidInput("adjustmentId", "没有这项调整申请 / no such request");
        }
        AdjustmentRequest r = adjustments.get(number - 1);
        if (r.status() != AdjustmentRequest.Status.REQUESTED) {
            throw new RuleViolation("status", "该申请已" + r.status().label() + " / the request was already decided");
        }
        requireActive();
        return r;
    }

    private void checkChange(BigDecimal value, BigDecimal score, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInput("reason", "须说明调整理由，不超过500字 / a reason is required, at most 500 characters");
        }
        if (value == null && score == null) {
            throw new InvalidInput("value", "须给出新的目标值或标准分 / give a new value or standard score");
        }
        StorableNumbers.require(value, "value");
        StorableNumbers.require(score, "standardScore");
        if (value != null && (value.signum() <= 0 || terms.targetValue() == null)) {
            throw new InvalidInput("value", "目标值须为正数 / must be a positive number");
        }
        if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new InvalidInput("standardScore", "标准分应在0至100之间 / between 0 and 100");
        }
        AssignmentTerms next = terms.adjusted(value == null ? terms.targetValue() : value,
                score == null ? terms.standardScore() : score);
        if (next.equals(terms)) {
            throw new InvalidInput("value", "与现行目标相同，无需调整 / the same as now: nothing to adjust");
        }
    }

    public List<AdjustmentRequest> adjustments() {
        return List.copyOf(adjustments);
    }

    public long revision() {
        return revision;
    }

    /**
     * Changes the terms of a direct assignment; does nothing when they are the same.
     *
     * @return whether anything changed
     */
    public boolean revise(AssignmentTerms next, Instant at) {
        requireActive();
        if (next.equals(terms)) {
            return false;
        }
        apply(next, at);
        revision++;
        return true;
    }

    /** Applies an approved or ordered adjustment (目标调整). */
    private boolean adjust(BigDecimal value, BigDecimal score, String adjustmentId, String reason, boolean ordered,
                          String decidedBy, Instant at) {
        requireActive();
        AssignmentTerms next = terms.adjusted(value == null ? terms.targetValue() : value,
                score == null ? terms.standardScore() : score);
        if (next.equals(terms)) {
            return false;
        }
        AssignmentTerms before = terms;
        apply(next, at);
        pendingEvents.add(new TargetAdjusted(id, adjustmentId, terms.planId(), terms.unitCode(), before.targetValue(),
                next.targetValue(), before.standardScore(), next.standardScore(), reason, ordered, decidedBy, at, version));
        return true;
    }

    /** Withdraws the assignment (撤销): no more reports, no score. */
    public void withdraw(String reason, String by, Instant at) {
        requireActive();
        withdrawn = true;
        version++;
        revision++;
        history.add(new Version(version, at, terms));
        pendingEvents.add(new AssignmentWithdrawn(id, terms.planId(), terms.unitCode(), reason, by, at, version));
    }

    private void requireActive() {
        if (withdrawn) {
            throw new RuleViolation("status", "该目标分解已撤销 / the assignment was withdrawn");
        }
    }

    private void apply(AssignmentTerms t, Instant at) {
        this.terms = t;
        this.version++;
        history.add(new Version(version, at, t));
        pendingEvents.add(new TargetAssigned(id, t.planId(), t.year(), t.targetCode(), t.targetTitle(), t.category(),
                t.unitCode(), t.unitName(), t.coUnitCodes(), t.monitorUnitCode(), t.kind(), t.unitOfMeasure(), t.targetValue(),
                t.standardScore(), t.frequency(), t.seasonalShares(), t.leaders(), version, t.targetId(),
                t.parentAssignmentId(), t.role(), t.issuerUnitCode(), t.binding(), t.baseline(), t.source(),
                t.provinceCode(), t.milestones(), t.provinceTargetValue(), t.cityTargetValue(), t.targetValueProvenance()));
    }

    /** The terms as they stood at a moment; empty before the first version. */
    public java.util.Optional<Version> asOf(Instant at) {
        Version found = null;
        for (Version v : history) {
            if (!v.validFrom().isAfter(at)) {
                found = v;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** The versions not yet stored (the last ones of the history). */
    public List<Version> versionsSince(long storedVersion) {
        return history.stream().filter(v -> v.version() > storedVersion).toList();
    }

    public List<Version> history() {
        return List.copyOf(history);
    }

    public List<MubiaoEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public String id() {
        return id;
    }

    public AssignmentTerms terms() {
        return terms;
    }

    public long version() {
        return version;
    }

    public boolean withdrawn() {
        return withdrawn;
    }
}
