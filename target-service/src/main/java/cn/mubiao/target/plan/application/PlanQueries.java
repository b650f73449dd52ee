package cn.mubiao.target.plan.application;

import cn.mubiao.kit.persistence.ScopeFilters;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.plan.domain.Decomposition;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.domain.ResponsibilityLetter;
import cn.mubiao.target.plan.persistence.LetterStore;
import cn.mubiao.target.plan.persistence.PlanStore;
import cn.mubiao.target.plan.persistence.TargetStore;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Reads of plans, their targets and letters, scoped to the caller and filtered in the database. */
@Component
public class PlanQueries {

    private final PlanStore plans;
    private final TargetStore targets;
    private final LetterStore letters;

    PlanQueries(PlanStore plans, TargetStore targets, LetterStore letters) {
        this.plans = plans;
        this.targets = targets;
        this.letters = letters;
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** A target as one caller may see it: the holders it may not see are left out. */
    public record VisibleTarget(PlannedTarget target, List<Decomposition.Node> holders) {
    }

    /** Filters of a target list; null means any. */
    public record TargetQuery(String category, String unit, String leadUnit, String monitorUnit) {
    }

    public Page<Plan> plans(Caller caller, Integer year, int page, int size) {
        if (caller.unit() == null) {
            return new Page<>(List.of(), page, size, 0);
        }
        Bson filter = PlanAccess.plansVisibleTo(caller);
        if (year != null) {
            filter = Filters.and(filter, Filters.eq("year", year));
        }
        return new Page<>(plans.where(filter, page * size, size), page, size, plans.count(filter));
    }

    public Plan plan(Caller caller, String planId) {
        return PlanAccess.visible(plans, caller, planId);
    }

    /** The plan, for a caller who speaks for the issuing government (403 for other units that see it). */
    public Plan governed(Caller caller, String planId) {
        Plan plan = plan(caller, planId);
        if (!PlanAccess.governs(caller, plan)) {
            throw ProblemException.forbidden("只有" + plan.issuerUnitCode() + "本级及以上可查看 / only the issuing government's level");
        }
        return plan;
    }

    /** Every target of a plan the caller governs. */
    public List<PlannedTarget> allTargets(Caller caller, String planId) {
        return targets.ofPlan(governed(caller, planId));
    }

    public Page<VisibleTarget> targets(Caller caller, String planId, TargetQuery q, int page, int size) {
        Plan plan = plan(caller, planId);
        List<Bson> and = new ArrayList<>();
        boolean governs = PlanAccess.governs(caller, plan);
        if (!governs) {
            and.add(PlanAccess.targetsVisibleTo(caller));
        }
        if (q.category() != null) {
            and.add(Filters.eq("category", q.category()));
        }
        if (q.unit() != null) {
            and.add(ScopeFilters.inSubtree("units", q.unit()));
        }
        if (q.leadUnit() != null) {
            and.add(Filters.eq("leadUnits", q.leadUnit()));
        }
        if (q.monitorUnit() != null) {
            and.add(Filters.eq("monitorUnitCode", q.monitorUnit()));
        }
        Bson filter = and.isEmpty() ? Filters.empty() : Filters.and(and);
        List<VisibleTarget> items = targets.where(plan, filter, page * size, size).stream()
                .map(t -> visible(caller, governs, t)).toList();
        return new Page<>(items, page, size, targets.count(plan, filter));
    }

    public VisibleTarget target(Caller caller, String planId, String code) {
        Plan plan = plan(caller, planId);
        boolean governs = PlanAccess.governs(caller, plan);
        return targets.find(plan, code).map(t -> visible(caller, governs, t)).filter(v -> !v.holders().isEmpty() || governs)
                .orElseThrow(() -> ProblemException.notFound("target", PlannedTarget.idOf(planId, code)));
    }

    private static VisibleTarget visible(Caller caller, boolean governs, PlannedTarget t) {
        List<Decomposition.Node> holders = governs ? t.decomposition().nodes()
                : t.decomposition().nodes().stream().filter(n -> PlanAccess.sees(caller, t, n)).toList();
        return new VisibleTarget(t, holders);
    }

    public List<ResponsibilityLetter> letters(Caller caller, String planId) {
        Plan plan = plan(caller, planId);
        if (PlanAccess.governs(caller, plan)) {
            return letters.ofPlan(planId, Filters.empty());
        }
        String unit = caller.unit();
        return letters.ofPlan(planId, ScopeFilters.inSubtree("unitCode", unit));
    }
}
