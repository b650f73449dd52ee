package cn.mubiao.scoring.assessment.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Decimal arithmetic of the assessment: 34 significant digits throughout; rounding happens only for display. */
public final class Decimals {

    public static final MathContext MC = MathContext.DECIMAL128;
    public static final BigDecimal HUNDRED = new BigDecimal("100");

    private Decimals() {
    }

    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return a.divide(b, MC);
    }

    /** Shown in explanation lines: four decimals. */
    public static String show(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    /** Shown as a score: two decimals (103.7444… → 103.74). */
    public static String display(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A plain number without trailing zeros (s=40, +0.5). */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static BigDecimal requireNonNegative(BigDecimal value, String field) {
        if (value == null) {
            throw new cn.mubiao.kit.domain.InvalidInput(field, "必填 / required");
        }
        if (value.signum() < 0) {
            throw new cn.mubiao.kit.domain.InvalidInput(field, "不得为负数 / must not be negative");
        }
        return value;
    }
}
