package cn.mubiao.target.unit.domain;

/** What a version of a unit did. */
public enum UnitChange {
    REGISTERED("登记"),
    DESCRIBED("更名或变更属性"),
    CONTACTS_CHANGED("变更联系人"),
    MOVED("调整隶属关系"),
    CLOSED("撤销");

    private final String label;

    UnitChange(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
