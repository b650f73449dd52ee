package cn.mubiao.scoring.assessment.domain;

/** The vetoes of 第二十七条 (取消该单位一、二、三等奖评奖资格). */
public enum VetoKind {
    FAMILY_PLANNING("违反计划生育政策，被市、区计生部门否决", "family planning veto"),
    SANITATION("整脏治乱工作年度考核被市区否决", "sanitation (整脏治乱) veto"),
    SAFETY_ACCIDENT("辖区内发生重大安全事故，被市、区安监部门否决", "major safety accident"),
    MAJOR_INCIDENT("辖区内发生重大影响案件或事件，被市、区综治部门否决", "major-impact case or incident"),
    DISCIPLINE_CASE("辖区内发生重大违纪违法案件，被市、区有关部门查处", "major disciplinary or criminal case"),
    ECONOMIC_INDICATOR("财政收入、招商引资等主要经济指标未完成", "main economic indicator not met");

    private final String zh;
    private final String en;

    VetoKind(String zh, String en) {
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
