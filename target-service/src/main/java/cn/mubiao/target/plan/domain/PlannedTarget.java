package cn.mubiao.target.plan.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A target of a plan with its decomposition, as drafted. Issued assignments live on as their own aggregates.
 * A target answering a province indicator is held to the stricter of the province's and its own value
 * (就高不就低, docs/adr/0008): the definition keeps the city's own value, the alignment the province's and which
 * one counts; the decomposition is built on the value that counts.
 */
public final class PlannedTarget {

    private final String planId;
    private TargetDefinition definition;
    private List<Allocation> allocations;
    private ProvinceAlignment alignment;
    private Decomposition decomposition;
    private long version;

    private PlannedTarget(String planId, TargetDefinition definition, List<Allocation> allocations,
                          ProvinceAlignment alignment, Decomposition decomposition, long version) {
        this.planId = planId;
        this.definition = definition;
        this.allocations = allocations;
        this.alignment = alignment;
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

    /**
     * @param province what the province's catalogue sets for the indicator the target names, if it has it (else null)
     */
    public static PlannedTarget define(Plan plan, TargetDefinition definition, List<Allocation> allocations,
                                       ProvinceStandard province) {
        plan.requireDraft();
        ProvinceAlignment a = alignment(definition, province);
        return new PlannedTarget(plan.id(), definition, List.copyOf(allocations), a,
                check(plan, assessed(definition, a), allocations), 1);
    }

    public static PlannedTarget restore(Plan plan, TargetDefinition definition, List<Allocation> allocations,
                                        ProvinceAlignment alignment, long version) {
        return new PlannedTarget(plan.id(), definition, List.copyOf(allocations), alignment,
                Decomposition.of(plan.issuerUnitCode(), assessed(definition, alignment), allocations), version);
    }

    /**
     * @param province what the province's catalogue sets for the indicator the next definition names, if it has it
     * @return whether anything changed
     */
    public boolean redefine(Plan plan, TargetDefinition next, List<Allocation> nextAllocations, ProvinceStandard province) {
        ProvinceAlignment nextAlignment = alignment(next, province);
        if (next.equals(definition) && List.copyOf(nextAllocations).equals(allocations)
                && Objects.equals(nextAlignment, alignment)) {
            return false;
        }
        plan.requireDraft();
        if (!next.code().equals(definition.code())) {
            throw new InvalidInput("code", "目标代码不能修改 / the code of a target cannot change");
        }
        decomposition = check(plan, assessed(next, nextAlignment), nextAllocations);
        definition = next;
        allocations = List.copyOf(nextAllocations);
        alignment = nextAlignment;
        version++;
        return true;
    }

    /**
     * 省市对接: the province's catalogue sets a value for the indicator this target answers; from now on its holders
     * are assessed against the stricter of that and the city's own value (就高不就低), and the target remembers both
     * and where the one that counts came from. Only while the plan is a draft.
     *
     * @return whether anything changed (aligning again with the same standard changes nothing)
     */
    public boolean alignWithProvince(Plan plan, ProvinceStandard province) {
        if (province == null || !province.code().equals(definition.provinceCode())) {
            throw new InvalidInput("provinceCode", "目标" + definition.code() + "未对应省指标"
                    + (province == null ? "" : province.code()) + " / the target does not answer this province indicator");
        }
        return realign(plan, ProvinceAlignment.of(province, definition));
    }

    /**
     * The province's catalogue no longer sets a value for the indicator this target names: its holders are assessed
     * against the city's own value again.
     *
     * @return whether anything changed
     */
    public boolean dropProvinceAlignment(Plan plan) {
        return realign(plan, null);
    }

    private boolean realign(Plan plan, ProvinceAlignment next) {
        if (Objects.equals(next, alignment)) {
            return false;
        }
        plan.requireDraft();
        decomposition = check(plan, assessed(definition, next), allocations);
        alignment = next;
        version++;
        return true;
    }

    private static ProvinceAlignment alignment(TargetDefinition definition, ProvinceStandard province) {
        return province == null || !province.code().equals(definition.provinceCode()) ? null
                : ProvinceAlignment.of(province, definition);
    }

    /** The definition with the value that counts: the province's where it is the stricter, else the city's own. */
    private static TargetDefinition assessed(TargetDefinition definition, ProvinceAlignment alignment) {
        return alignment != null && alignment.provinceValueApplies()
                ? definition.withTargetValue(alignment.effectiveValue()) : definition;
    }

    /** The value the target's lead units are assessed against: the effective value once aligned with the province. */
    public BigDecimal assessedValue() {
        return assessed(definition, alignment).targetValue();
    }

    /** The comparison with the province's indicator (就高不就低), when the catalogue sets a value for it. */
    public Optional<ProvinceAlignment> provinceAlignment() {
        return Optional.ofNullable(alignment);
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
