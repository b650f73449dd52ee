package cn.mubiao.target.plan.domain;

import cn.mubiao.kit.domain.StorableNumbers;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.kit.security.UnitCodes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a target is split down the unit tree, "dual-track" (DOMAIN.md §3): lead units hold the whole target;
 * shares go by region (to counties, districts, zones, townships) and by department, as deep as the tree.
 * The structure is checked on construction; whether cumulative shares add up is asked by {@link #shortfalls()}
 * (a draft may be incomplete, an issued plan may not).
 */
public final class Decomposition {

    /**
     * One holder of the target.
     *
     * @param parentUnitCode null when it hangs directly under the target
     */
    public record Node(String unitCode, String parentUnitCode, Role role, BigDecimal value, BigDecimal standardScore,
                       List<String> coUnits) {
    }

    /** The track a share belongs to: shares of one parent add up per track. */
    public enum Track {
        REGION("区域"), DEPARTMENT("部门");

        private final String label;

        Track(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Track of(String unitCode) {
            return UnitCodes.isDepartment(unitCode) ? DEPARTMENT : REGION;
        }
    }

    /** Shares of one parent and track that add up to less than the parent's value. */
    public record Shortfall(String parentUnitCode, Track track, BigDecimal required, BigDecimal allocated) {
        public BigDecimal missing() {
            return required.subtract(allocated);
        }
    }

    private final TargetDefinition target;
    private final List<Node> nodes;

    private Decomposition(TargetDefinition target, List<Node> nodes) {
        this.target = target;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * @param issuerUnitCode the government issuing the plan: every holder lies in its subtree
     */
    public static Decomposition of(String issuerUnitCode, TargetDefinition target, List<Allocation> allocations) {
        Map<String, Node> byUnit = new LinkedHashMap<>();
        for (int i = 0; i < target.leadUnits().size(); i++) {
            String lead = target.leadUnits().get(i);
            requireInside(lead, issuerUnitCode, "leadUnits[" + i + "]");
            byUnit.put(lead, new Node(lead, null, Role.LEAD, target.targetValue(), target.standardScore(), target.coUnits()));
        }
        for (int i = 0; i < allocations.size(); i++) {
            Allocation a = allocations.get(i);
            String field = "allocations[" + i + "]";
            if (a == null || !UnitCodes.isWellFormed(a.unitCode())) {
                throw new InvalidInput(field + ".unitCode", "不是有效的单位代码（如410102、410100-FGW） / not a unit code such as 410102 or 410100-FGW");
            }
            if (byUnit.containsKey(a.unitCode())) {
                throw new InvalidInput(field + ".unitCode", "单位" + a.unitCode() + "已承担该目标 / already holds this target");
            }
            requireInside(a.unitCode(), issuerUnitCode, field + ".unitCode");
            if (a.value() != null && a.value().signum() < 0) {
                throw new InvalidInput(field + ".value", "不能为负数 / must not be negative");
            }
            StorableNumbers.require(a.value(), field + ".value");
            StorableNumbers.require(a.standardScore(), field + ".standardScore");
            if (a.standardScore() != null && (a.standardScore().signum() < 0
                    || a.standardScore().compareTo(TargetDefinition.FULL_SCORE) > 0)) {
                throw new InvalidInput(field + ".standardScore", "标准分应在0至100之间 / between 0 and 100");
            }
            for (int c = 0; c < a.coUnits().size(); c++) {
                if (!UnitCodes.isWellFormed(a.coUnits().get(c)) || a.coUnits().get(c).equals(a.unitCode())) {
                    throw new InvalidInput(field + ".coUnits[" + c + "]", "不是有效的协办单位 / not a valid co-unit");
                }
            }
            byUnit.put(a.unitCode(), new Node(a.unitCode(), a.parentUnitCode(), Role.SHARE, a.value(),
                    a.standardScore() != null ? a.standardScore() : target.standardScore(), a.coUnits()));
        }
        List<Node> resolved = new ArrayList<>();
        for (int i = 0; i < allocations.size(); i++) {
            String field = "allocations[" + i + "]";
            Node n = byUnit.get(allocations.get(i).unitCode());
            if (n.parentUnitCode() != null) {
                Node parent = byUnit.get(n.parentUnitCode());
                if (parent == null) {
                    throw new InvalidInput(field + ".parentUnitCode", "上级单位" + n.parentUnitCode()
                            + "未承担该目标 / the parent does not hold this target");
                }
                if (n.unitCode().equals(parent.unitCode()) || !UnitCodes.isWithin(n.unitCode(), parent.unitCode())
                        || UnitCodes.isDepartment(parent.unitCode()) && !UnitCodes.isDepartment(n.unitCode())) {
                    throw new InvalidInput(field + ".unitCode", "单位" + n.unitCode() + "不在上级单位" + parent.unitCode()
                            + "的辖区内 / outside the parent's subtree");
                }
                requireNoCycle(n, byUnit, field);
            }
            resolved.add(withValue(n, byUnit, target, field));
        }
        List<Node> all = new ArrayList<>(byUnit.values().stream().filter(n -> n.role() == Role.LEAD).toList());
        all.addAll(resolved);
        return new Decomposition(target, all);
    }

    private static Node withValue(Node n, Map<String, Node> byUnit, TargetDefinition target, String field) {
        if (target.kind() == IndicatorKind.QUALITATIVE) {
            if (n.value() != null) {
                throw new InvalidInput(field + ".value", "定性目标不设目标值 / a qualitative target has no value");
            }
            return n;
        }
        if (n.value() != null) {
            if (n.value().signum() <= 0) {
                throw new InvalidInput(field + ".value", "须为正数 / must be positive");
            }
            return n;
        }
        if (target.kind() == IndicatorKind.CUMULATIVE) {
            throw new InvalidInput(field + ".value", "累计型目标须给出分解值 / a cumulative target needs each share's value");
        }
        // LEVEL and CEILING: each child holds its own value, by default the same as its parent's
        BigDecimal inherited = target.targetValue();
        String p = n.parentUnitCode();
        while (p != null) {
            Node parent = byUnit.get(p);
            if (parent.value() != null) {
                inherited = parent.value();
                break;
            }
            p = parent.parentUnitCode();
        }
        return new Node(n.unitCode(), n.parentUnitCode(), n.role(), inherited, n.standardScore(), n.coUnits());
    }

    private static void requireInside(String unitCode, String issuerUnitCode, String field) {
        if (!UnitCodes.isWithin(unitCode, issuerUnitCode)) {
            throw new InvalidInput(field, "单位" + unitCode + "不在" + issuerUnitCode + "的辖区内 / outside the issuing government's area");
        }
    }

    private static void requireNoCycle(Node n, Map<String, Node> byUnit, String field) {
        Set<String> seen = new HashSet<>();
        Node at = n;
        while (at != null && at.parentUnitCode() != null) {
            if (!seen.add(at.unitCode())) {
                throw new InvalidInput(field + ".parentUnitCode", "分解关系成环 / the split goes round in a cycle");
            }
            at = byUnit.get(at.parentUnitCode());
        }
    }

    public List<Node> nodes() {
        return nodes;
    }

    public TargetDefinition target() {
        return target;
    }

    /**
     * For a cumulative target: each parent (the target itself, or a holder split further) whose shares on a
     * track add up to less than its value. Other kinds give each share its own value and have none.
     */
    public List<Shortfall> shortfalls() {
        if (target.kind() != IndicatorKind.CUMULATIVE) {
            return List.of();
        }
        // the shares of each parent and track, summed in one pass (a province-sized split has 10,000 holders)
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (n.role() == Role.SHARE) {
                BigDecimal[] byTrack = sums.computeIfAbsent(n.parentUnitCode() == null ? "" : n.parentUnitCode(),
                        p -> new BigDecimal[Track.values().length]);
                int t = Track.of(n.unitCode()).ordinal();
                byTrack[t] = byTrack[t] == null ? n.value() : byTrack[t].add(n.value());
            }
        }
        List<Shortfall> out = new ArrayList<>();
        check(null, target.targetValue(), sums.get(""), out);
        for (Node n : nodes) {
            check(n.unitCode(), n.value(), sums.get(n.unitCode()), out);
        }
        return out;
    }

    private static void check(String parent, BigDecimal required, BigDecimal[] byTrack, List<Shortfall> out) {
        if (byTrack == null) {
            return;
        }
        for (Track track : Track.values()) {
            BigDecimal sum = byTrack[track.ordinal()];
            if (sum != null && sum.compareTo(required) < 0) {
                out.add(new Shortfall(parent, track, required, sum));
            }
        }
    }
}
