package cn.mubiao.contracts;

/** Lag status of an assignment in a period (DOMAIN.md §4). */
public enum LagStatus {
    /** green: completion at or above the expected share */
    ON_TRACK("正常", "on track"),
    /** yellow: behind by less than the threshold */
    LAGGING("滞后", "lagging"),
    /** red: behind by the threshold or more, milestone overdue, or no report after the deadline */
    SERIOUSLY_LAGGING("严重滞后", "seriously lagging");

    private final String zh;
    private final String en;

    LagStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public boolean warns() {
        return this != ON_TRACK;
    }
}
