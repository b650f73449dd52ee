package cn.mubiao.target.plan.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One unit's part in the decomposition of a target (分解): by region (to counties, districts, zones,
 * townships) or by department.
 *
 * @param parentUnitCode the unit whose part this is split from; null when split directly from the target
 * @param value          the unit's own value; for LEVEL and CEILING targets it defaults to its parent's value
 * @param standardScore  the unit's standard score for it; defaults to the target's
 */
public record Allocation(String unitCode, String parentUnitCode, BigDecimal value, BigDecimal standardScore,
                         List<String> coUnits) {

    public Allocation {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }
}
