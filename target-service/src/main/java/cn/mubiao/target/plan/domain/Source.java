package cn.mubiao.target.plan.domain;

/** Where a target comes from (seed 003: 上级下达、本级确定、业务工作). */
public enum Source {
    PROVINCE("省定目标"),
    CITY("市定目标"),
    OWN("本单位业务工作");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
