package cn.mubiao.kit.security;

import java.util.Optional;

/**
 * Unit codes are administrative division codes (GB/T 2260): {@code 410000} a province, {@code 410100} a
 * city, {@code 410102} a county or district, {@code 410102001} a township; a department is
 * {@code <region code>-<dept code>}, e.g. {@code 410100-FGW}. "Is X under Y" is a prefix test on the
 * region prefix of Y.
 */
public final class UnitCodes {

    private UnitCodes() {
    }

    /** The region part of a code: {@code 410100-FGW} gives {@code 410100}. */
    public static String region(String unitCode) {
        int dash = unitCode.indexOf('-');
        return dash < 0 ? unitCode : unitCode.substring(0, dash);
    }

    /**
     * The government one level up (上一级): a township's county ({@code 410102001 → 410102}), a county's city
     * ({@code 410102 → 410100}), a city's province ({@code 410100 → 410000}); a department's own government
     * ({@code 410100-FGW → 410100}, {@code 410102-JYJ → 410102}). Empty for a province, which has none above it here.
     */
    public static Optional<String> nextLevelUp(String unitCode) {
        if (isDepartment(unitCode)) {
            return Optional.of(region(unitCode));
        }
        if (unitCode.length() > 6) {
            return Optional.of(unitCode.substring(0, unitCode.length() - 3));
        }
        return switch (levelOf(unitCode)) {
            case COUNTY -> Optional.of(unitCode.substring(0, 4) + "00");
            case CITY -> Optional.of(unitCode.substring(0, 2) + "0000");
            default -> Optional.empty();
        };
    }

    public static boolean isDepartment(String unitCode) {
        return unitCode.indexOf('-') > 0;
    }

    /**
     * The prefix every unit inside this region's subtree starts with: {@code 41} for a province,
     * {@code 4101} for a city, {@code 410102} for a county, the whole code for a township.
     */
    public static String subtreePrefix(String regionCode) {
        if (regionCode.length() == 6) {
            if (regionCode.endsWith("0000")) {
                return regionCode.substring(0, 2);
            }
            if (regionCode.endsWith("00")) {
                return regionCode.substring(0, 4);
            }
        }
        return regionCode;
    }

    public static Level levelOf(String unitCode) {
        if (isDepartment(unitCode)) {
            return Level.DEPARTMENT;
        }
        if (unitCode.length() > 6) {
            return Level.TOWNSHIP;
        }
        if (unitCode.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return unitCode.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /** Whether {@code unitCode} lies in the subtree of the region {@code regionCode} (itself included). */
    public static boolean isWithin(String unitCode, String regionCode) {
        return unitCode.startsWith(subtreePrefix(region(regionCode)));
    }

    /**
     * Whether {@code unitCode} is {@code rootCode} or lies below it: a region's subtree ({@link #isWithin}); a
     * department has nothing below it. DHIS2's {@code orgUnit} with {@code children=true}.
     */
    public static boolean isInSubtree(String unitCode, String rootCode) {
        return unitCode.equals(rootCode) || !isDepartment(rootCode) && isWithin(unitCode, rootCode);
    }

    public static boolean isWellFormed(String unitCode) {
        return unitCode != null && unitCode.matches("[0-9]{6}([0-9]{3}([0-9]{3})?)?(-[A-Z0-9]{2,16})?");
    }
}
