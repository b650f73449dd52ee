package cn.mubiao.scoring.assessment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit's result with its grade and place in its category.
 *
 * @param place   the unit's place among the category's units that were not vetoed (1 = best); null when vetoed
 * @param reasons why the grade (Chinese first, English second)
 */
public record GradedResult(UnitResult result, Grade grade, Integer place, List<String> reasons) {
    public GradedResult {
        reasons = List.copyOf(reasons);
    }

    public String unitCode() {
        return result.unitCode();
    }

    /** The whole explanation: every point of the total, then the grade. */
    public List<String> explanation() {
        List<String> all = new ArrayList<>(result.explanation());
        all.addAll(reasons);
        return List.copyOf(all);
    }
}
