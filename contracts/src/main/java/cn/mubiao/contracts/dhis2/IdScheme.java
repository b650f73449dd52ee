package cn.mubiao.contracts.dhis2;

import java.util.Locale;

/**
 * DHIS2 identifier schemes we answer to. Our objects have codes only (plan target codes, unit codes), so
 * {@code code} is the scheme and {@code uid} is read as a synonym of it; {@code name} and {@code attribute:...}
 * are refused.
 */
public enum IdScheme {
    CODE, UID;

    /** The scheme a parameter names, {@code fallback} when it names none; a scheme we do not serve is a 400. */
    public static IdScheme parse(String parameter, String value, IdScheme fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "CODE" -> CODE;
            case "UID", "ID" -> UID;
            default -> throw new InvalidDhis2Input(parameter,
                    "仅支持 code 或 uid（按编码处理）/ only code or uid (read as code) is supported, not " + value);
        };
    }

    /** The schemes of one request: the specific ones fall back on the general {@code idScheme}. */
    public record Schemes(IdScheme idScheme, IdScheme dataElementIdScheme, IdScheme orgUnitIdScheme) {

        public static Schemes parse(String idScheme, String dataElementIdScheme, String orgUnitIdScheme) {
            IdScheme general = IdScheme.parse("idScheme", idScheme, UID);
            return new Schemes(general, IdScheme.parse("dataElementIdScheme", dataElementIdScheme, general),
                    IdScheme.parse("orgUnitIdScheme", orgUnitIdScheme, general));
        }
    }
}
