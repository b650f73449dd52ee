package cn.mubiao.target.plan.domain;

import cn.mubiao.contracts.IndicatorKind;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A city target answering a province indicator (省市对接, seed 004), compared by 就高不就低: the province's value and the
 * city's own, the stricter of the two (the higher for "at least", the lower for a ceiling) and the side it came from.
 * When the two cannot be compared (another kind or unit of measure, or a qualitative indicator) the city's value stands.
 *
 * @param cityValue      the value the city set itself (the target's definition)
 * @param effectiveValue the value the target's holders are assessed against
 */
public record ProvinceAlignment(ProvinceStandard province, BigDecimal cityValue, BigDecimal effectiveValue,
                                Provenance provenance) {

    public static ProvinceAlignment of(ProvinceStandard province, TargetDefinition city) {
        BigDecimal own = city.targetValue();
        boolean comparable = province.kind() == city.kind() && province.kind() != IndicatorKind.QUALITATIVE
                && Objects.equals(province.unitOfMeasure(), city.unitOfMeasure());
        if (!comparable) {
            return new ProvinceAlignment(province, own, own, Provenance.NOT_COMPARABLE);
        }
        int cmp = province.value().compareTo(own);
        if (cmp == 0) {
            return new ProvinceAlignment(province, own, own, Provenance.BOTH);
        }
        boolean provinceStricter = province.kind() == IndicatorKind.CEILING ? cmp < 0 : cmp > 0;
        return provinceStricter
                ? new ProvinceAlignment(province, own, province.value(), Provenance.PROVINCE)
                : new ProvinceAlignment(province, own, own, Provenance.CITY);
    }

    /** Whether the province's value replaces the city's own. */
    public boolean provinceValueApplies() {
        return provenance == Provenance.PROVINCE;
    }
}
