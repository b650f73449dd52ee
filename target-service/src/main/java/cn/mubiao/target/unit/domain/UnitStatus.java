package cn.mubiao.target.unit.domain;

/** A unit is active until it is closed (撤销、合并); a closed unit keeps its history and never reopens. */
public enum UnitStatus {
    ACTIVE("存续"),
    CLOSED("已撤销");

    private final String label;

    UnitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
