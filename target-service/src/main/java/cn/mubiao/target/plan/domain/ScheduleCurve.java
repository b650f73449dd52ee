package cn.mubiao.target.plan.domain;

/** How the expected share of a target grows through the year (序时进度). */
public enum ScheduleCurve {
    /** month m expects m/12 */
    LINEAR,
    /** 12 cumulative monthly shares (时间上按季节规律分解) */
    SEASONAL,
    /** dated milestones of a qualitative target */
    MILESTONES
}
