package cn.mubiao.target.plan.domain;

/** The life cycle of an annual plan (DOMAIN.md §3). */
public enum PlanStatus {
    DRAFT("草拟"),
    ISSUED("已下达"),
    IN_PROGRESS("执行中"),
    ASSESSED("已考核");

    private final String label;

    PlanStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
