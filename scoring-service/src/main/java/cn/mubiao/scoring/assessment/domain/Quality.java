package cn.mubiao.scoring.assessment.domain;

/** How a qualitative item (工作目标无数据指标的) was done, 第十六条. The factors are in the rule set. */
public enum Quality {
    GOOD("完成任务且效果好", "completed, good effect"),
    FAIR("完成任务但效果一般", "completed, fair effect"),
    POOR("完成任务但效果差", "completed, poor effect"),
    NOT_COMPLETED("未完成任务", "not completed");

    private final String zh;
    private final String en;

    Quality(String zh, String en) {
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
