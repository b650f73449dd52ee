package cn.mubiao.gateway.security;

/**
 * The firewall's rule for header names and values — assigned Unicode characters, no control characters (a tab
 * allowed in values) — as Spring Security's {@code StrictServerWebExchangeFirewall} states it by regex, checked
 * by a loop: the firewall checks each header every time it is read, the bearer token (a kilobyte and more) several
 * times per request.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String s, boolean tab) {
        if (s == null) {
            return true;
        }
        int n = s.length();
        for (int i = 0; i < n; ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            if (!Character.isDefined(cp) || (Character.isISOControl(cp) && !(tab && cp == '\t'))) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
