package cn.mubiao.target.plan.application;

import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.security.Roles;
import cn.mubiao.kit.security.UnitCodes;
import cn.mubiao.kit.security.UnitRelations;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.plan.domain.Decomposition;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlanStatus;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.persistence.PlanStore;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who may see and change plans (the scoping model of DOMAIN.md §1 applied to plans): the target office
 * whose area covers the issuing government builds and issues; units inside the issuer's area see an issued
 * plan and, of its targets, what they hold, co-handle or monitor.
 */
final class PlanAccess {

    private PlanAccess() {
    }

    /** The plan, if the caller may know it exists; else a 404 that does not tell whether it does. */
    static Plan visible(PlanStore plans, Caller caller, String planId) {
        return plans.find(planId).filter(p -> sees(caller, p)).orElseThrow(() -> ProblemException.notFound("plan", planId));
    }

    /** The plan, if the caller is the target office of its issuing government (403 for others who see it). */
    static Plan forOffice(PlanStore plans, Caller caller, String planId) {
        Plan plan = visible(plans, caller, planId);
        requireOffice(caller, plan);
        return plan;
    }

    /** Whether the caller speaks for the issuing government (its area covers the issuer). */
    static boolean governs(Caller caller, Plan plan) {
        return caller.unit() != null && !UnitCodes.isDepartment(caller.unit()) && caller.covers(plan.issuerUnitCode());
    }

    static void requireOffice(Caller caller, Plan plan) {
        if (!caller.hasRole(Roles.TARGET_OFFICE) || !governs(caller, plan)) {
            throw ProblemException.forbidden("只有" + plan.issuerUnitCode() + "及以上的目标办才能修改该计划 / only the target office of the issuing government may change this plan");
        }
    }

    /** Whether the caller may know the plan exists: its office, or a unit inside its area once it is issued. */
    static boolean sees(Caller caller, Plan plan) {
        if (caller.unit() == null) {
            return false;
        }
        if (governs(caller, plan)) {
            return true;
        }
        return plan.status() != PlanStatus.DRAFT && UnitCodes.isWithin(caller.unit(), plan.issuerUnitCode());
    }

    /** The database filter of {@link #sees}: issuers in the caller's area, or issued plans of governments above it. */
    static Bson plansVisibleTo(Caller caller) {
        String unit = caller.unit();
        List<Bson> or = new ArrayList<>();
        if (!UnitCodes.isDepartment(unit)) {
            or.add(Filters.regex("issuerUnitCode", "^" + Pattern.quote(UnitCodes.subtreePrefix(unit))));
        }
        or.add(Filters.and(Filters.in("issuerUnitCode", governmentsAbove(unit)), Filters.ne("status", PlanStatus.DRAFT.name())));
        return Filters.or(or);
    }

    /** The governments whose area contains the unit: 410102001 → 410102, 410100, 410000. */
    static List<String> governmentsAbove(String unitCode) {
        String region = UnitCodes.region(unitCode);
        List<String> out = new ArrayList<>();
        if (region.length() > 6) {
            out.add(region.substring(0, 6));
            region = region.substring(0, 6);
        } else {
            out.add(region);
        }
        out.add(region.substring(0, 4) + "00");
        out.add(region.substring(0, 2) + "0000");
        return out.stream().distinct().toList();
    }

    /** Whether the caller sees one holder of a target: it holds, co-handles or monitors it, or covers the holder. */
    static boolean sees(Caller caller, PlannedTarget t, Decomposition.Node n) {
        List<String> co = new ArrayList<>(n.coUnits());
        return caller.sees(UnitRelations.of(n.unitCode(), co, t.definition().monitorUnitCode()));
    }

    /** The database filter of targets a caller who does not govern the plan may see. */
    static Bson targetsVisibleTo(Caller caller) {
        String unit = caller.unit();
        return UnitCodes.isDepartment(unit)
                ? Filters.or(Filters.eq("units", unit), Filters.eq("monitorUnitCode", unit))
                : Filters.regex("units", "^" + Pattern.quote(UnitCodes.subtreePrefix(unit)));
    }
}
