package cn.mubiao.kit.security;

import java.util.List;

/**
 * How units stand to one object (an assignment and what hangs off it): the responsible unit, the co-units
 * (协办单位) and the monitoring unit (监控单位). Every service keeps these in its own read model.
 */
public record UnitRelations(String responsibleUnit, List<String> coUnits, String monitorUnit) {

    public UnitRelations {
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }

    public static UnitRelations of(String responsibleUnit, List<String> coUnits, String monitorUnit) {
        return new UnitRelations(responsibleUnit, coUnits, monitorUnit);
    }
}
