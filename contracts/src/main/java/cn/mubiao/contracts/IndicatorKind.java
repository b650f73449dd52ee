package cn.mubiao.contracts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** How completion is computed from an actual value (DOMAIN.md §3). */
public enum IndicatorKind {
    /** accumulates through the year; completion = actual / target */
    CUMULATIVE,
    /** a rate or level compared as-is; completion = actual / target; schedule flat at 1 */
    LEVEL,
    /** must not exceed; completion = 1 if actual &le; target else target / actual */
    CEILING,
    /** qualitative target followed by dated milestones */
    QUALITATIVE;

    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    /**
     * Reported completion, not capped (seed 004 reports 150.5%); scoring caps it.
     *
     * @return the completion as a fraction (0.475 for 47.5%)
     */
    public BigDecimal completion(BigDecimal actual, BigDecimal target) {
        if (this == QUALITATIVE) {
            throw new IllegalStateException("qualitative targets have milestones, not a numeric completion");
        }
        if (this == CEILING) {
            if (target.signum() <= 0) {
                throw new IllegalArgumentException("a ceiling must be positive: " + target);
            }
            if (actual.compareTo(target) <= 0) {
                return BigDecimal.ONE;
            }
            return target.divide(actual, PRECISION);
        }
        if (target.signum() <= 0) {
            throw new IllegalArgumentException("a target value must be positive: " + target);
        }
        return actual.divide(target, PRECISION);
    }

    /** Whether the schedule curve grows through the year (only cumulative quantities do). */
    public boolean accumulates() {
        return this == CUMULATIVE;
    }
}
