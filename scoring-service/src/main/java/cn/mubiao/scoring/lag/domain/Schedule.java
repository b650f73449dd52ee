package cn.mubiao.scoring.lag.domain;

import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.Period;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * The schedule curve (序时进度): the expected share of the annual target at the end of a period. Linear
 * by default (month m → m/12), or 12 cumulative seasonal shares; flat at 1 for levels and ceilings.
 */
public record Schedule(List<BigDecimal> seasonalShares) {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public Schedule {
        seasonalShares = seasonalShares == null ? List.of() : List.copyOf(seasonalShares);
        if (!seasonalShares.isEmpty() && seasonalShares.size() != 12) {
            throw new IllegalArgumentException("a seasonal curve has 12 monthly shares, got " + seasonalShares.size());
        }
    }

    public static Schedule linear() {
        return new Schedule(List.of());
    }

    public BigDecimal expectedShare(IndicatorKind kind, Period period) {
        if (!kind.accumulates()) {
            return BigDecimal.ONE;
        }
        int month = period.monthIndex();
        if (!seasonalShares.isEmpty()) {
            return seasonalShares.get(month - 1);
        }
        return BigDecimal.valueOf(month).divide(TWELVE, new MathContext(20, RoundingMode.HALF_EVEN));
    }
}
