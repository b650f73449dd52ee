package cn.mubiao.target.plan.application;

import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.security.Caller;
import cn.mubiao.kit.web.ProblemException;
import cn.mubiao.target.plan.domain.Allocation;
import cn.mubiao.target.plan.domain.Category;
import cn.mubiao.target.plan.domain.Plan;
import cn.mubiao.target.plan.domain.PlanStatus;
import cn.mubiao.target.plan.domain.PlannedTarget;
import cn.mubiao.target.plan.domain.ProvinceAlignment;
import cn.mubiao.target.plan.domain.ProvinceStandard;
import cn.mubiao.target.plan.domain.TargetDefinition;
import cn.mubiao.target.plan.persistence.PlanStore;
import cn.mubiao.target.plan.persistence.TargetStore;
import cn.mubiao.target.settings.TargetSettings;
import cn.mubiao.target.unit.application.UnitLookup;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The target office drafts its government's annual plan: the plan, its categories, its targets and their split. */
@Component
public class DraftPlans {

    private final PlanStore plans;
    private final TargetStore targets;
    private final UnitLookup units;
    private final TargetSettings settings;
    private final ProvinceCatalogue catalogue;

    DraftPlans(PlanStore plans, TargetStore targets, UnitLookup units, TargetSettings settings, ProvinceCatalogue catalogue) {
        this.plans = plans;
        this.targets = targets;
        this.units = units;
        this.settings = settings;
        this.catalogue = catalogue;
    }

    public record Outcome<T>(T value, boolean created) {
    }

    public Outcome<Plan> describe(Caller caller, String issuerUnitCode, int year, String title, List<Category> categories,
                                  LocalDate adjustmentDeadline) {
        if (adjustmentDeadline == null && year >= 2000 && year <= 2100) {
            adjustmentDeadline = settings.adjustmentDeadlineIn(year);
        }
        Plan draft = Plan.draft(issuerUnitCode, year, title, categories, adjustmentDeadline);
        PlanAccess.requireOffice(caller, draft);
        requireActive(issuerUnitCode, "issuerUnitCode");
        var existing = plans.find(draft.id());
        if (existing.isEmpty()) {
            if (!plans.save(draft, 0, List.of())) {
                throw changedMeanwhile();
            }
            return new Outcome<>(draft, true);
        }
        Plan p = existing.get();
        long read = p.version();
        if (p.describe(title, categories, adjustmentDeadline) && !plans.save(p, read, List.of())) {
            throw changedMeanwhile();
        }
        return new Outcome<>(p, false);
    }

    public Outcome<PlannedTarget> defineTarget(Caller caller, String planId, TargetDefinition definition,
                                               List<Allocation> allocations) {
        Plan plan = draftToEdit(caller, planId);
        Prepared p = prepare(plan, definition, allocations);
        write(List.of(p));
        return new Outcome<>(p.target(), p.created());
    }

    /** A target checked against every rule and ready to be written; nothing is written yet. */
    public record Prepared(PlannedTarget target, long readVersion, boolean created, boolean changed) {
    }

    /** The plan, if the caller may edit its targets (its office; 404 when it may not know the plan). */
    public Plan draftToEdit(Caller caller, String planId) {
        return PlanAccess.forOffice(plans, caller, planId);
    }

    /** Checks a target (units known and active, structure, province code not used twice) without writing. */
    public Prepared prepare(Plan plan, TargetDefinition definition, List<Allocation> allocations) {
        requireKnownUnits(definition, allocations);
        if (definition.provinceCode() != null
                && targets.usesProvinceCode(plan, definition.provinceCode(), PlannedTarget.idOf(plan.id(), definition.code()))) {
            throw new InvalidInput("provinceCode", "省指标" + definition.provinceCode() + "已对应本计划的另一项目标 / already matched to another target of the plan");
        }
        ProvinceStandard province = definition.provinceCode() == null || plan.status() != PlanStatus.DRAFT ? null
                : catalogue.standardFor(plan.id(), definition.provinceCode()).orElse(null);
        var existing = targets.find(plan, definition.code());
        if (existing.isEmpty()) {
            return new Prepared(PlannedTarget.define(plan, definition, allocations, province), 0, true, true);
        }
        PlannedTarget t = existing.get();
        long read = t.version();
        boolean changed = t.redefine(plan, definition, allocations,
                plan.status() == PlanStatus.DRAFT ? province : t.provinceAlignment().map(ProvinceAlignment::province).orElse(null));
        return new Prepared(t, read, false, changed);
    }

    /**
     * 省市对接: the draft's targets answering an indicator the province's catalogue sets are held to the stricter
     * value (就高不就低); those whose indicator it no longer sets go back to their own. Each changed target is one write.
     *
     * @param standards by province code, the indicators assessing the city
     * @return the targets that changed
     */
    public int alignWithProvince(Plan plan, Map<String, ProvinceStandard> standards) {
        plan.requireDraft();
        List<Prepared> changed = new ArrayList<>();
        for (PlannedTarget t : targets.ofPlan(plan)) {
            long read = t.version();
            ProvinceStandard s = t.definition().provinceCode() == null ? null : standards.get(t.definition().provinceCode());
            if (s != null ? t.alignWithProvince(plan, s) : t.dropProvinceAlignment(plan)) {
                changed.add(new Prepared(t, read, false, true));
            }
        }
        write(changed);
        return changed.size();
    }

    /** Writes prepared targets; a concurrent change of one of them is a 409. */
    public void write(List<Prepared> prepared) {
        for (Prepared p : prepared) {
            if (p.changed() && !targets.save(p.target(), p.readVersion())) {
                throw changedMeanwhile();
            }
        }
    }

    private void requireKnownUnits(TargetDefinition d, List<Allocation> allocations) {
        List<String> codes = new ArrayList<>(d.leadUnits());
        codes.addAll(d.coUnits());
        if (d.monitorUnitCode() != null) {
            codes.add(d.monitorUnitCode());
        }
        for (Allocation a : allocations) {
            if (a != null && a.unitCode() != null) {
                codes.add(a.unitCode());
                codes.addAll(a.coUnits());
            }
        }
        Map<String, UnitLookup.UnitSummary> known = units.findAll(codes);
        for (int i = 0; i < d.leadUnits().size(); i++) {
            requireActive(known, d.leadUnits().get(i), "leadUnits[" + i + "]");
        }
        for (int i = 0; i < d.coUnits().size(); i++) {
            requireActive(known, d.coUnits().get(i), "coUnits[" + i + "]");
        }
        if (d.monitorUnitCode() != null) {
            requireActive(known, d.monitorUnitCode(), "monitorUnitCode");
        }
        for (int i = 0; i < allocations.size(); i++) {
            Allocation a = allocations.get(i);
            if (a == null) {
                throw new InvalidInput("allocations[" + i + "]", "必填 / required");
            }
            requireActive(known, a.unitCode(), "allocations[" + i + "].unitCode");
            for (int c = 0; c < a.coUnits().size(); c++) {
                requireActive(known, a.coUnits().get(c), "allocations[" + i + "].coUnits[" + c + "]");
            }
        }
    }

    private void requireActive(String code, String field) {
        requireActive(code == null ? Map.of() : units.findAll(List.of(code)), code, field);
    }

    private static void requireActive(Map<String, UnitLookup.UnitSummary> known, String code, String field) {
        if (code == null) {
            throw new InvalidInput(field, "必填 / required");
        }
        var unit = known.get(code);
        if (unit == null) {
            throw new InvalidInput(field, "单位" + code + "不存在 / unknown unit " + code);
        }
        if (!unit.active()) {
            throw new InvalidInput(field, "单位" + code + "已撤销 / unit " + code + " is closed");
        }
    }

    static ProblemException changedMeanwhile() {
        return ProblemException.conflict("version", "刚被他人修改，请刷新后重试 / changed by someone else; reload and retry");
    }
}
