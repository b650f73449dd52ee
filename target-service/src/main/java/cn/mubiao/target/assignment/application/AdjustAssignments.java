package cn.mubiao.target.assignment.application;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.web.FieldProblem;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.assignment.domain.AdjustmentRequest;
import cn.mubiao.target.assignment.domain.Assignment;
import cn.mubiao.target.assignment.persistence.AssignmentStore;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.persistence.PlanStore;
import cn.mubiao.target.plan.persistence.TargetStore;
import cn.mubiao.target.settings.TargetSettings;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adjustments of issued assignments (目标调整): a unit asks before the deadline, the issuing target office
 * approves or rejects; the office may also order a change at any time, and withdraw an assignment. A change
 * that would leave a cumulative target's shares short of their parent is refused with the shortfall.
 */
@Component
public class AdjustAssignments {

    private final AssignmentStore store;
    private final PlanStore plans;
    private final TargetStore targets;
    private final Outbox outbox;
    private final Clock clock;
    private final TargetSettings settings;

    AdjustAssignments(AssignmentStore store, PlanStore plans, TargetStore targets, Outbox outbox, Clock clock,
                      TargetSettings settings) {
        this.store = store;
        this.plans = plans;
        this.targets = targets;
        this.outbox = outbox;
        this.clock = clock;
        this.settings = settings;
    }

    /** An adjustment with the assignment it belongs to. */
    public record Adjustment(Assignment assignment, AdjustmentRequest request) {
        public String id() {
            return AdjustmentRequest.idOf(assignment.id(), request.number());
        }
    }

    public Adjustment request(Caller caller, String assignmentId, BigDecimal value, BigDecimal score, String reason) {
        Assignment a = visible(caller, assignmentId);
        if (!a.terms().unitCode().equals(caller.unit())) {
            throw ProblemException.forbidden("只有承担单位本身才能申请调整 / only the unit holding the target may ask for a change");
        }
        Optional<Plan> plan = plan(a);
        LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
        LocalDate deadline = plan.map(Plan::adjustmentDeadline).orElse(settings.adjustmentDeadlineIn(a.terms().year()));
        if (today.isAfter(deadline)) {
            throw ProblemException.unprocessable("date", "已过调整申请截止日" + deadline + "，只能由上级下令调整 / past the deadline "
                    + deadline + ": only an order from above can change it now");
        }
        var read = AssignmentStore.Stored.of(a);
        AdjustmentRequest r = a.requestAdjustment(value, score, reason, caller.username(), clock.instant());
        save(a, read);
        return new Adjustment(a, r);
    }

    public Adjustment approve(Caller caller, String assignmentId, int number, String note) {
        return decide(caller, assignmentId, number, a -> {
            requireSharesAddUp(a, a.adjustments().get(number - 1).value());
            return a.approveAdjustment(number, caller.username(), note, clock.instant());
        });
    }

    public Adjustment reject(Caller caller, String assignmentId, int number, String note) {
        return decide(caller, assignmentId, number, a -> a.rejectAdjustment(number, caller.username(), note, clock.instant()));
    }

    public Adjustment order(Caller caller, String assignmentId, BigDecimal value, BigDecimal score, String reason) {
        Assignment a = visible(caller, assignmentId);
        requireOffice(caller, a);
        var read = AssignmentStore.Stored.of(a);
        requireSharesAddUp(a, value);
        AdjustmentRequest r = a.orderAdjustment(value, score, reason, caller.username(), clock.instant());
        save(a, read);
        return new Adjustment(a, r);
    }

    public Assignment withdraw(Caller caller, String assignmentId, String reason) {
        Assignment a = visible(caller, assignmentId);
        requireOffice(caller, a);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.invalid("reason", "须说明撤销理由，不超过500字 / a reason is required, at most 500 characters");
        }
        var read = AssignmentStore.Stored.of(a);
        a.withdraw(reason, caller.username(), clock.instant());
        save(a, read);
        return a;
    }

    /** Open (or all) adjustments of the assignments the caller sees. */
    public List<Adjustment> list(Caller caller, String planId, boolean openOnly) {
        if (caller.unit() == null) {
            return List.of();
        }
        var q = new AssignmentStore.Query(planId, null, null, null, null, null, true, openOnly);
        List<Adjustment> out = new ArrayList<>();
        for (Assignment a : store.visibleTo(caller.unit(), q, 0, 10_000)) {
            if (!caller.sees(a.terms().relations())) {
                continue;
            }
            for (AdjustmentRequest r : a.adjustments()) {
                if (!openOnly || r.status() == AdjustmentRequest.Status.REQUESTED) {
                    out.add(new Adjustment(a, r));
                }
            }
        }
        return out;
    }

    private Adjustment decide(Caller caller, String assignmentId, int number, Function<Assignment, AdjustmentRequest> decision) {
        Assignment a = visible(caller, assignmentId);
        if (number < 1 || number > a.adjustments().size()) {
            throw ProblemException.notFound("adjustment", AdjustmentRequest.idOf(assignmentId, number));
        }
        requireOffice(caller, a);
        var read = AssignmentStore.Stored.of(a);
        AdjustmentRequest r = decision.apply(a);
        save(a, read);
        return new Adjustment(a, r);
    }

    /**
     * For a cumulative target: the new value keeps its siblings' sum at or above their parent's value, and its
     * own shares' sum at or above the new value.
     */
    private void requireSharesAddUp(Assignment a, BigDecimal newValue) {
        if (newValue == null || a.terms().kind() != IndicatorKind.CUMULATIVE || a.terms().targetId() == null) {
            return;
        }
        List<Assignment> all = store.ofTarget(a.terms().targetId()).stream().filter(x -> !x.withdrawn()).toList();
        List<FieldProblem> problems = new ArrayList<>();
        if ("SHARE".equals(a.terms().role())) {
            BigDecimal parentValue = a.terms().parentAssignmentId() == null ? targetValue(a)
                    : all.stream().filter(x -> x.id().equals(a.terms().parentAssignmentId())).findFirst()
                    .map(x -> x.terms().targetValue()).orElse(null);
            BigDecimal siblings = sum(all.stream().filter(x -> "SHARE".equals(x.terms().role()))
                    .filter(x -> Objects.equals(x.terms().parentAssignmentId(), a.terms().parentAssignmentId()))
                    .filter(x -> UnitCodes.isDepartment(x.terms().unitCode()) == UnitCodes.isDepartment(a.terms().unitCode()))
                    .map(x -> x.id().equals(a.id()) ? newValue : x.terms().targetValue()).toList());
            if (parentValue != null && siblings.compareTo(parentValue) < 0) {
                problems.add(new FieldProblem("value", "调整后各分解单位合计" + siblings.toPlainString() + "，少于上级的"
                        + parentValue.toPlainString() + "，缺口" + parentValue.subtract(siblings).toPlainString()
                        + " / after the change the shares add up to " + siblings.toPlainString() + ", "
                        + parentValue.subtract(siblings).toPlainString() + " short of " + parentValue.toPlainString()));
            }
        }
        for (boolean departments : new boolean[]{false, true}) {
            List<BigDecimal> children = all.stream().filter(x -> a.id().equals(x.terms().parentAssignmentId()))
                    .filter(x -> UnitCodes.isDepartment(x.terms().unitCode()) == departments)
                    .map(x -> x.terms().targetValue()).toList();
            if (!children.isEmpty() && sum(children).compareTo(newValue) < 0) {
                problems.add(new FieldProblem("value", "已分解到下级的合计" + sum(children).toPlainString() + "，少于调整后的"
                        + newValue.toPlainString() + "，缺口" + newValue.subtract(sum(children)).toPlainString()
                        + " / its own shares add up to " + sum(children).toPlainString() + ", short of " + newValue.toPlainString()));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable(problems);
        }
    }

    private BigDecimal targetValue(Assignment a) {
        return plan(a).flatMap(p -> targets.find(p, a.terms().targetCode())).map(t -> t.definition().targetValue()).orElse(null);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private Assignment visible(Caller caller, String assignmentId) {
        return store.find(assignmentId).filter(a -> caller.sees(a.terms().relations()))
                .orElseThrow(() -> ProblemException.notFound("assignment", assignmentId));
    }

    private Optional<Plan> plan(Assignment a) {
        return a.terms().targetId() == null || a.terms().planId() == null ? Optional.empty() : plans.find(a.terms().planId());
    }

    /** The issuing government's target office decides; a direct assignment's, the office covering its unit. */
    private void requireOffice(Caller caller, Assignment a) {
        String issuer = a.terms().issuerUnitCode() != null ? a.terms().issuerUnitCode() : a.terms().unitCode();
        if (!caller.hasRole(Roles.TARGET_OFFICE) || UnitCodes.isDepartment(caller.unit()) || !caller.covers(issuer)) {
            throw ProblemException.forbidden("只有下达该目标的目标办才能决定调整 / only the issuing target office decides adjustments");
        }
    }

    private void save(Assignment a, AssignmentStore.Stored read) {
        if (!store.save(a, read, outbox.entries(a.pendingEvents()))) {
            throw ProblemException.conflict("version", "刚被他人修改，请刷新后重试 / changed by someone else; reload and retry");
        }
        outbox.written();
    }
}
