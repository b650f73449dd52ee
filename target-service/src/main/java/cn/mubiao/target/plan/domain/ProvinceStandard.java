package cn.mubiao.target.plan.domain;

import cn.mubiao.contracts.IndicatorKind;

import java.math.BigDecimal;

/**
 * What the province's catalogue sets for one indicator assessing the city (省目标标准, seed 004), as far as comparing
 * it with a city target needs.
 *
 * @param value null for a qualitative indicator
 */
public record ProvinceStandard(String code, IndicatorKind kind, String unitOfMeasure, BigDecimal value) {
}
