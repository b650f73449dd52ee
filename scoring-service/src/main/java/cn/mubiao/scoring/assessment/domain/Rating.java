package cn.mubiao.scoring.assessment.domain;

import cn.mubiao.kit.domain.InvalidInput;

import java.math.BigDecimal;

/** One town's or street's bottom-up rating (下评上) of a department, 0–5 (第十二条(二)3). */
public record Rating(String raterUnitCode, Category raterCategory, String ratedUnitCode, BigDecimal score) {

    public static final BigDecimal MAX = new BigDecimal("5");

    public Rating {
        if (raterUnitCode == null || raterUnitCode.isBlank()) {
            throw new InvalidInput("raterUnitCode", "必填 / required");
        }
        if (ratedUnitCode == null || ratedUnitCode.isBlank()) {
            throw new InvalidInput("ratedUnitCode", "必填 / required");
        }
        if (raterUnitCode.equals(ratedUnitCode)) {
            throw new InvalidInput("raterUnitCode", "不能为本单位评分 / a unit does not rate itself");
        }
        if (raterCategory != Category.TOWN && raterCategory != Category.STREET) {
            throw new InvalidInput("raterCategory", "只有镇乡街道评分 / only towns and streets rate");
        }
        if (score == null || score.signum() < 0 || score.compareTo(MAX) > 0) {
            throw new InvalidInput("score", "评分须在0到5分之间 / must be between 0 and 5");
        }
    }

    public static Rating of(String rater, Category raterCategory, String rated, String score) {
        return new Rating(rater, raterCategory, rated, new BigDecimal(score));
    }
}
