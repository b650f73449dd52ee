package cn.mubiao.contracts;

/** Reporting frequency of an assignment. */
public enum Frequency {
    MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY
}
