package cn.mubiao.contracts.progress;

/**
 * Where a value comes from, lowest precedence first (seed 003, 第十五条: 以统计部门的统计数据为准；统计部门没有数据的，
 * 以业务部门认定的数据为准). The effective value of a report is the newest value of the highest source present.
 */
public enum ValueSource {
    /** the responsible unit's own report (单位自报) */
    SELF_REPORT,
    /** the business department that monitors the target (业务部门认定) */
    BUSINESS_DEPARTMENT,
    /** the statistics bureau (统计部门) */
    STATISTICS_BUREAU;

    public boolean outranks(ValueSource other) {
        return compareTo(other) > 0;
    }
}
