package cn.mubiao.target.unit.domain;

/** The groups ranked separately at year end (seed 003, 第二十一条: 区直部门、镇乡和街道分开评比). */
public enum AssessmentCategory {
    DEPARTMENTS("区直部门"),
    TOWNS("镇乡"),
    STREETS("街道");

    private final String label;

    AssessmentCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** By name ({@code TOWNS}) or Chinese label ({@code 镇乡}); null when neither. */
    public static AssessmentCategory parse(String text) {
        return Labels.parse(AssessmentCategory.class, text, AssessmentCategory::label);
    }
}
