package cn.mubiao.progress.report.domain;

/** The text of a report: 进展 (progress), 问题 (problems), 措施 (measures). */
public record Narrative(String progress, String problems, String measures) {
    public static final Narrative EMPTY = new Narrative("", "", "");
}
