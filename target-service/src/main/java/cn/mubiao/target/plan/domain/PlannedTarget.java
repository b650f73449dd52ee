package cn.mubiao.target.plan.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.util.List;

/** A target of a plan with its decomposition, as drafted. Issued assignments live on as their own aggregates. */
public final class PlannedTarget {

    private final String planId;
    private TargetDefinition definition;
    private List<Allocation> allocations;
    private Decomposition decomposition;
    private long version;

    private PlannedTarget(String planId, TargetDefinition definition, List<Allocation> allocations,
                          Decomposition decomposition, long version) {
        this.planId = planId;
        this.definition = definition;
        this.allocations = allocations;
        this.decomposition = decomposition;
        this.version = version;
    }

    /** The id of a plan's target: {@code 410100-2007-A03}. */
    public static String idOf(String planId, String code) {
        return planId + "-" + code;
    }

    /** The id of one holder's assignment: {@code 410100-2007-A03@410102}. */
    public static String assignmentIdOf(String targetId, String unitCode) {
        return targetId + "@" + unitCode;
    }

    public static PlannedTarget define(Plan plan, TargetDefinition definition, List<Allocation> allocations) {
        plan.requireDraft();
        return new PlannedTarget(plan.id(), definition, List.copyOf(allocations), check(plan, definition, allocations), 1);
    }

    public static PlannedTarget restore(Plan plan, TargetDefinition definition, List<Allocation> allocations, long version) {
        return new PlannedTarget(plan.id(), definition, List.copyOf(allocations),
                Decomposition.of(plan.issuerUnitCode(), definition, allocations), version);
    }

    /** @return whether anything changed */
    public boolean redefine(Plan plan, TargetDefinition next, List<Allocation> nextAllocations) {
        if (next.equals(definition) && List.copyOf(nextAllocations).equals(allocations)) {
            return false;
        }
        plan.requireDraft();
        if (!next.code().equals(definition.code())) {
            throw new InvalidInput("code", "目标代码不能修改 / the code of a target cannot change");
        }
        decomposition = check(plan, next, nextAllocations);
        definition = next;
        allocations = List.copyOf(nextAllocations);
        version++;
        return true;
    }

    private static Decomposition check(Plan plan, TargetDefinition definition, List<Allocation> allocations) {
        if (!plan.hasCategory(definition.category())) {
            throw new InvalidInput("category", "计划中没有类别" + definition.category() + " / the plan has no such category");
        }
        definition.checkYear(plan.year());
        Decomposition d = Decomposition.of(plan.issuerUnitCode(), definition, allocations);
        if (d.nodes().isEmpty()) {
            throw new InvalidInput("leadUnits", "至少一个责任单位或分解单位 / at least one lead unit or allocation");
        }
        return d;
    }

    public String id() {
        return idOf(planId, definition.code());
    }

    public String planId() {
        return planId;
    }

    public TargetDefinition definition() {
        return definition;
    }

    public List<Allocation> allocations() {
        return allocations;
    }

    public Decomposition decomposition() {
        return decomposition;
    }

    public long version() {
        return version;
    }
}
