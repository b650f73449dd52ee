package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.BrokenRule;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Everything the platform's own data says about one unit's plan year: its assignments as {@link AssignmentFacts}.
 * The assessment's sheet is built from it; claims, vetoes, ratings and the comprehensive evaluation are entered
 * elsewhere (a later slice) and start empty.
 */
public record UnitYear(int year, String unitCode, String unitName, Map<String, AssignmentFacts> assignments) {

    public UnitYear {
        assignments = Map.copyOf(assignments);
    }

    /** The assignments that count (terms known, not withdrawn), by assignment id. */
    public List<AssignmentFacts> live() {
        return assignments.values().stream().filter(AssignmentFacts::live)
                .sorted(Comparator.comparing(AssignmentFacts::assignmentId)).toList();
    }

    /** Whether any assignment counts (as {@code !live().isEmpty()}, without sorting them). */
    public boolean hasLive() {
        for (AssignmentFacts a : assignments.values()) {
            if (a.live()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sheet the calculator scores.
     *
     * @param category the unit's assessment category; null when the unit is not ranked, which the rules refuse
     */
    public UnitSheet sheet(Category category, String name) {
        if (category == null) {
            throw new BrokenRule("category", "单位" + unitCode + "未设考核类别（区直部门、镇乡或街道） / the unit has no "
                    + "assessment category (departments, towns or streets)");
        }
        return UnitSheet.of(unitCode, name != null ? name : unitName, category,
                live().stream().map(AssignmentFacts::item).toList());
    }
}
