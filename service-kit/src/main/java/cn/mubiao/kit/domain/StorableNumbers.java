package cn.mubiao.kit.domain;

import java.math.BigDecimal;

/**
 * The bounds every number a user enters is held to: at most 30 significant digits, 12 decimals, and below 10^18 in
 * size. Far beyond any indicator, and inside what a MongoDB Decimal128 keeps exactly (34 digits): a value outside is a
 * 400 naming the field, never a failed write.
 */
public final class StorableNumbers {

    public static final int MAX_DIGITS = 30;
    public static final int MAX_DECIMALS = 12;
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(18);

    private StorableNumbers() {
    }

    /** @return {@code value}, when within the bounds; null stays null (whether it is required is the caller's rule) */
    public static BigDecimal require(BigDecimal value, String field) {
        if (value != null && !storable(value)) {
            throw new InvalidInput(field, "数值超出范围：至多" + MAX_DIGITS + "位有效数字、" + MAX_DECIMALS + "位小数，绝对值小于10的18次方 / "
                    + "out of range: at most " + MAX_DIGITS + " significant digits and " + MAX_DECIMALS
                    + " decimals, less than 10^18 in size");
        }
        return value;
    }

    public static boolean storable(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return v.precision() <= MAX_DIGITS && v.scale() <= MAX_DECIMALS && v.abs().compareTo(LIMIT) < 0;
    }
}
