package cn.mubiao.scoring.assessment.domain;

/** The five grades of 第二十一条, best first: a larger ordinal is a worse grade. */
public enum Grade {
    FIRST("一等奖", "first prize"),
    SECOND("二等奖", "second prize"),
    THIRD("三等奖", "third prize"),
    BASIC("基本奖", "basic award"),
    FAIL("不合格", "failed");

    private final String zh;
    private final String en;

    Grade(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    public boolean isWorseThan(Grade other) {
        return ordinal() > other.ordinal();
    }
}
