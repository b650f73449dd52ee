package cn.mubiao.target.plan.domain;

/** Where the value a province-aligned target is assessed against came from (就高不就低, seed 004). */
public enum Provenance {
    PROVINCE("省定目标值更严"), CITY("市定目标值更严"), BOTH("省市目标值相同"), NOT_COMPARABLE("计量单位或类型不同，不能比较");

    private final String label;

    Provenance(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
