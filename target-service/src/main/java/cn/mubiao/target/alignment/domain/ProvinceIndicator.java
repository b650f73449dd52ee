package cn.mubiao.target.alignment.domain;

import cn.mubiao.kit.domain.StorableNumbers;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.kit.domain.InvalidInput;
import cn.mubiao.target.plan.domain.ProvinceStandard;

import java.math.BigDecimal;

/**
 * One indicator of the province's catalogue for the city (省绩效评估目标, seed 004).
 *
 * @param area         one of the catalogue's areas (重点工作, 民生建设, 经济发展, 社会发展, 政府自身建设)
 * @param assessesCity whether the province assesses the city on it (79 of 125 in seed 004)
 * @param targetValue  null for a qualitative indicator
 */
public record ProvinceIndicator(String code, String area, String title, IndicatorKind kind, String unitOfMeasure,
                                BigDecimal targetValue, boolean assessesCity) {

    public ProvinceIndicator {
        if (code == null || !code.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new InvalidInput("code", "1到40个字母、数字或_.- / 1 to 40 letters, digits or _.-");
        }
        if (area == null || area.isBlank() || area.length() > 30) {
            throw new InvalidInput("area", "必填，不超过30字 / required, at most 30 characters");
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidInput("title", "必填，不超过200字 / required, at most 200 characters");
        }
        if (kind == null) {
            throw new InvalidInput("indicatorKind", "必填 / required");
        }
        StorableNumbers.require(targetValue, "targetValue");
        if (kind != IndicatorKind.QUALITATIVE && (targetValue == null || targetValue.signum() <= 0)) {
            throw new InvalidInput("targetValue", "目标值须为正数 / must be a positive number");
        }
    }

    /** What the indicator sets, for comparing it with a city target. */
    public ProvinceStandard standard() {
        return new ProvinceStandard(code, kind, unitOfMeasure, targetValue);
    }
}
