package cn.mubiao.progress.exchange.domain;

/**
 * The DHIS2 identifiers of an assignment: assignment id = {@code dataElement + "@" + orgUnit}, e.g.
 * {@code 410100-2007-A03@410102} is data element {@code 410100-2007-A03} (the plan target code) and org unit
 * {@code 410102} (the unit code).
 */
public final class AssignmentIds {

    private AssignmentIds() {
    }

    public static String of(String dataElement, String orgUnit) {
        return dataElement + "@" + orgUnit;
    }

    /** The data element part: everything before the last {@code @} (the whole id if it has none). */
    public static String dataElement(String assignmentId) {
        int at = assignmentId.lastIndexOf('@');
        return at < 0 ? assignmentId : assignmentId.substring(0, at);
    }

    /** The org unit part: everything after the last {@code @} (empty if it has none). */
    public static String orgUnit(String assignmentId) {
        int at = assignmentId.lastIndexOf('@');
        return at < 0 ? "" : assignmentId.substring(at + 1);
    }
}
