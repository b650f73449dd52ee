package cn.mubiao.scoring.assessment.domain;

/** The three categories ranked separately (第二十一条: 区直部门、镇乡和街道分开评比). */
public enum Category {
    DEPARTMENT("区直部门", "departments"),
    TOWN("镇乡", "towns and townships"),
    STREET("街道", "streets");

    private final String zh;
    private final String en;

    Category(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
