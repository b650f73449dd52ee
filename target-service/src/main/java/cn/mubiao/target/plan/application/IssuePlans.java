package cn.mubiao.target.plan.application;

import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.FieldProblem;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.assignment.domain.Assignment;
import cn.mubiao.target.assignment.domain.AssignmentTerms;
import cn.mubiao.target.assignment.persistence.AssignmentStore;
import cn.mubiao.target.plan.domain.Decomposition;
import cn.mubiao.target.plan.domain.IssueCheck;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlanStatus;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.domain.ProvinceAlignment;
import cn.mubiao.target.plan.domain.ResponsibilityLetter;
import cn.mubiao.target.plan.domain.TargetDefinition;
import cn.mubiao.target.plan.persistence.LetterStore;
import cn.mubiao.target.plan.persistence.PlanStore;
import cn.mubiao.target.plan.persistence.TargetStore;
import cn.mubiao.target.unit.application.UnitLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issues a plan (下达). First everything is checked (every problem listed, nothing written on failure); then
 * the plan turns ISSUED with its {@code PlanIssued} in one write — the commit point; then every assignment is
 * written with its {@code TargetAssigned} and every unit gets its responsibility letter. If the process dies
 * in between, the rest is written when it starts again (the writes are idempotent).
 */
@Component
public class IssuePlans {

    private static final Logger log = LoggerFactory.getLogger(IssuePlans.class);
    private static final int BATCH = 1000;

    private final PlanStore plans;
    private final TargetStore targets;
    private final AssignmentStore assignments;
    private final LetterStore letters;
    private final UnitLookup units;
    private final Outbox outbox;
    private final Clock clock;

    IssuePlans(PlanStore plans, TargetStore targets, AssignmentStore assignments, LetterStore letters, UnitLookup units,
               Outbox outbox, Clock clock) {
        this.plans = plans;
        this.targets = targets;
        this.assignments = assignments;
        this.letters = letters;
        this.units = units;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What still stands in the way of issuing a draft (empty when it may be issued). */
    public List<IssueCheck.Problem> check(Caller caller, String planId) {
        Plan plan = PlanAccess.forOffice(plans, caller, planId);
        plan.requireDraft();
        return check(plan, targets.ofPlan(plan));
    }

    private List<IssueCheck.Problem> check(Plan plan, List<PlannedTarget> all) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (PlannedTarget t : all) {
            for (Decomposition.Node n : t.decomposition().nodes()) {
                codes.add(n.unitCode());
                codes.addAll(n.coUnits());
            }
            codes.addAll(t.definition().coUnits());
            if (t.definition().monitorUnitCode() != null) {
                codes.add(t.definition().monitorUnitCode());
            }
        }
        Map<String, UnitLookup.UnitSummary> known = units.findAll(codes);
        return IssueCheck.of(plan, all, code -> known.containsKey(code) && known.get(code).active());
    }

    public Plan issue(Caller caller, String planId) {
        Plan plan = PlanAccess.forOffice(plans, caller, planId);
        plan.requireDraft();
        List<PlannedTarget> all = targets.ofPlan(plan);
        List<IssueCheck.Problem> problems = check(plan, all);
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable(problems.stream().map(p -> new FieldProblem(p.field(), p.reason())).toList());
        }
        Map<String, List<String>> byUnit = holders(plan, all);
        int count = byUnit.values().stream().mapToInt(List::size).sum();
        long read = plan.version();
        plan.issue(clock.instant(), List.copyOf(byUnit.keySet()), all.size(), count);
        if (!plans.save(plan, read, outbox.entries(plan.pendingEvents()))) {
            throw DraftPlans.changedMeanwhile();
        }
        outbox.written();
        writeAssignments(plan, all);
        return plan;
    }

    /** Finishes issues a crash interrupted. */
    @EventListener(ApplicationReadyEvent.class)
    void finishInterruptedIssues() {
        for (String id : plans.unfinishedIssues()) {
            plans.find(id).ifPresent(p -> {
                log.info("finishing the interrupted issue of plan {}", id);
                writeAssignments(p, targets.ofPlan(p));
            });
        }
    }

    private void writeAssignments(Plan plan, List<PlannedTarget> all) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        Map<String, BigDecimal> scores = new HashMap<>();
        List<Assignment> batch = new ArrayList<>(BATCH);
        Map<String, String> names = new HashMap<>();
        units.findAll(all.stream().flatMap(t -> t.decomposition().nodes().stream()).map(Decomposition.Node::unitCode)
                .collect(java.util.stream.Collectors.toSet())).forEach((code, u) -> names.put(code, u.name() == null ? "" : u.name()));
        for (PlannedTarget t : all) {
            for (Decomposition.Node n : t.decomposition().nodes()) {
                String unitName = names.computeIfAbsent(n.unitCode(),
                        code -> units.find(code).map(UnitLookup.UnitSummary::name).orElse(""));
                Assignment a = Assignment.assign(PlannedTarget.assignmentIdOf(t.id(), n.unitCode()),
                        terms(plan, t, n, unitName.isEmpty() ? null : unitName), plan.issuedAt());
                byUnit.computeIfAbsent(n.unitCode(), u -> new ArrayList<>()).add(a.id());
                scores.merge(n.unitCode(), n.standardScore() == null ? BigDecimal.ZERO : n.standardScore(), BigDecimal::add);
                batch.add(a);
                if (batch.size() == BATCH) {
                    assignments.insertNew(batch, a2 -> outbox.entries(a2.pendingEvents()));
                    batch.clear();
                    outbox.written();
                }
            }
        }
        assignments.insertNew(batch, a2 -> outbox.entries(a2.pendingEvents()));
        outbox.written();
        letters.insertNew(byUnit.entrySet().stream().map(e -> ResponsibilityLetter.issue(plan.id(), e.getKey(),
                e.getValue(), scores.get(e.getKey()), plan.issuedAt())).toList());
        plans.markAssignmentsIssued(plan.id());
    }

    private static Map<String, List<String>> holders(Plan plan, List<PlannedTarget> all) {
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        for (PlannedTarget t : all) {
            for (Decomposition.Node n : t.decomposition().nodes()) {
                byUnit.computeIfAbsent(n.unitCode(), u -> new ArrayList<>()).add(PlannedTarget.assignmentIdOf(t.id(), n.unitCode()));
            }
        }
        return byUnit;
    }

    private static AssignmentTerms terms(Plan plan, PlannedTarget t, Decomposition.Node n, String unitName) {
        TargetDefinition d = t.definition();
        String categoryName = plan.categories().stream().filter(c -> c.code().equals(d.category())).findFirst()
                .map(c -> c.name()).orElse(d.category());
        String parent = n.parentUnitCode() == null ? null : PlannedTarget.assignmentIdOf(t.id(), n.parentUnitCode());
        return new AssignmentTerms(plan.id(), plan.year(), d.code(), d.title(), categoryName, n.unitCode(), unitName,
                n.coUnits(), d.monitorUnitCode(), d.kind(), d.unitOfMeasure(), n.value(), n.standardScore(), d.frequency(),
                d.seasonalShares(), d.leaders(), t.id(), parent, n.role().name(), plan.issuerUnitCode(), d.binding(),
                d.baseline(), d.source().name(), d.provinceCode(), d.milestones(),
                t.provinceAlignment().map(a -> a.province().value()).orElse(null),
                t.provinceAlignment().map(ProvinceAlignment::cityValue).orElse(null),
                t.provinceAlignment().map(a -> a.provenance().name()).orElse(null));
    }

    public Plan start(Caller caller, String planId) {
        Plan plan = PlanAccess.forOffice(plans, caller, planId);
        long read = plan.version();
        if (plan.start() && !plans.save(plan, read, List.of())) {
            throw DraftPlans.changedMeanwhile();
        }
        return plan;
    }

    /** A unit's leader or target office signs its responsibility letter; the last signature starts the plan. */
    public ResponsibilityLetter acknowledge(Caller caller, String planId, String unitCode) {
        Plan plan = PlanAccess.visible(plans, caller, planId);
        ResponsibilityLetter letter = letters.find(planId, unitCode).filter(l -> caller.covers(l.unitCode()))
                .orElseThrow(() -> ProblemException.notFound("letter", ResponsibilityLetter.idOf(planId, unitCode)));
        if (!unitCode.equals(caller.unit())) {
            throw ProblemException.forbidden("只有" + unitCode + "本单位才能签收责任书 / only the unit itself acknowledges its letter");
        }
        if (letter.acknowledge(caller.username(), clock.instant()) && letters.acknowledge(letter)
                && plan.status() == PlanStatus.ISSUED && letters.unacknowledged(planId) == 0) {
            long read = plan.version();
            if (plan.start()) {
                plans.save(plan, read, List.of());
            }
        }
        return letters.find(planId, unitCode).orElseThrow();
    }

}
