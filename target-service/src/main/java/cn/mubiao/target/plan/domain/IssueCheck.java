package cn.mubiao.target.plan.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What must hold before a plan may be issued (DOMAIN.md §3): it has targets; every unit named is known and
 * active; cumulative shares add up to at least their parent; each holder's standard scores add up to 100.
 * Every problem is listed, not just the first.
 */
public final class IssueCheck {

    /** One reason the plan cannot be issued, with the field it concerns. */
    public record Problem(String field, String reason) {
    }

    private IssueCheck() {
    }

    public static List<Problem> of(Plan plan, List<PlannedTarget> targets, Predicate<String> activeUnit) {
        List<Problem> problems = new ArrayList<>();
        if (targets.isEmpty()) {
            problems.add(new Problem("targets", "计划中还没有目标 / the plan has no targets"));
        }
        Map<String, BigDecimal> scores = new TreeMap<>();
        for (PlannedTarget t : targets) {
            String field = "targets[" + t.definition().code() + "]";
            Set<String> named = new LinkedHashSet<>();
            for (Decomposition.Node n : t.decomposition().nodes()) {
                named.add(n.unitCode());
                named.addAll(n.coUnits());
                scores.merge(n.unitCode(), n.standardScore() == null ? BigDecimal.ZERO : n.standardScore(), BigDecimal::add);
            }
            named.addAll(t.definition().coUnits());
            if (t.definition().monitorUnitCode() != null) {
                named.add(t.definition().monitorUnitCode());
            }
            for (String unit : named) {
                if (!activeUnit.test(unit)) {
                    problems.add(new Problem(field, "单位" + unit + "不存在或已撤销 / unknown or closed unit " + unit));
                }
            }
            for (Decomposition.Shortfall s : t.decomposition().shortfalls()) {
                String of = s.parentUnitCode() == null ? "目标" : s.parentUnitCode();
                problems.add(new Problem(field + ".allocations",
                        "按" + s.track().label() + "分解到下级的合计" + s.allocated().toPlainString() + "少于" + of + "的"
                                + s.required().toPlainString() + "，缺口" + s.missing().toPlainString()
                                + " / the " + s.track().name().toLowerCase() + " shares of " + (s.parentUnitCode() == null ? "the target" : s.parentUnitCode())
                                + " add up to " + s.allocated().toPlainString() + ", " + s.missing().toPlainString()
                                + " short of " + s.required().toPlainString()));
            }
        }
        scores.forEach((unit, total) -> {
            if (total.compareTo(TargetDefinition.FULL_SCORE) != 0) {
                problems.add(new Problem("units[" + unit + "].standardScore", "单位" + unit + "各项目标标准分合计"
                        + total.stripTrailingZeros().toPlainString() + "，应为100 / the standard scores of " + unit
                        + " add up to " + total.stripTrailingZeros().toPlainString() + ", not 100"));
            }
        });
        return problems;
    }
}
