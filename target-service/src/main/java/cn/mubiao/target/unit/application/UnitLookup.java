package cn.mubiao.target.unit.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What other features of target-service may ask about the unit tree: whether a unit is known, what it is
 * called and whether it is still active. The unit feature provides the implementation.
 */
public interface UnitLookup {

    /** A unit as it stands now, closed ones included. */
    Optional<UnitSummary> find(String code);

    /** Many units at once (the ones found), for checks over a whole decomposition. */
    Map<String, UnitSummary> findAll(Collection<String> codes);

    /**
     * @param code               unit code (GB/T 2260 division code, or {@code <region>-<dept>} for a department)
     * @param name               its name, e.g. 中原区
     * @param parentCode         the unit above it (a department's parent is its government's region); null at the root
     * @param active             false once closed
     * @param assessmentCategory DEPARTMENTS (区直部门), TOWNS (镇乡) or STREETS (街道); null when not ranked
     */
    record UnitSummary(String code, String name, String parentCode, boolean active, String assessmentCategory) {
    }
}
