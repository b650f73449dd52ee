package cn.mubiao.contracts.http;

/**
 * What the platform's HTTP edge accepts in headers, shared by the gateway and every service, each rule checked by
 * a loop over the characters: these run on every request (the firewall reads each header through them, the bearer
 * token is a kilobyte and more), where the regular expressions that state them showed in the profiles of the gateway
 * and of progress-service at a month-end burst.
 */
public final class HttpSyntax {

    private static final String BEARER = "Bearer ";
    private static final int REQUEST_ID_MAX = 128;

    private HttpSyntax() {
    }

    /**
     * A header name Spring Security's strict firewall allows: assigned Unicode characters, no control characters.
     * {@code null} passes (the firewall's predicates are asked about absent values too).
     */
    public static boolean headerName(String name) {
        return assignedWithoutControls(name, false);
    }

    /** A header value the strict firewall allows: as {@link #headerName}, a tab allowed. */
    public static boolean headerValue(String value) {
        return assignedWithoutControls(value, true);
    }

    /**
     * Whether an {@code Authorization} header value names the bearer scheme ({@code Bearer}, any case, then one
     * space), well-formed token or not.
     */
    public static boolean bearerScheme(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    /**
     * The token of an {@code Authorization} header in the bearer scheme, as RFC 6750 allows it: {@code 1*(ALPHA /
     * DIGIT / "-" / "." / "_" / "~" / "+" / "/") *"="}; {@code null} when the header does not
     * {@link #bearerScheme name the scheme} or its token is malformed.
     */
    public static String bearerToken(String authorization) {
        if (!bearerScheme(authorization)) {
            return null;
        }
        String token = authorization.substring(BEARER.length());
        int n = token.length();
        int i = 0;
        while (i < n && tokenCharacter(token.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        while (i < n && token.charAt(i) == '=') {
            i++;
        }
        return i == n ? token : null;
    }

    /**
     * A request id that may be used as is ({@code X-Request-Id}): letters, digits and {@code . _ : -}, 1 to 128
     * characters, the first a letter or digit — a UUID, a W3C trace id; nothing that could forge a log line or a
     * header.
     */
    public static boolean requestId(String id) {
        if (id == null || id.isEmpty() || id.length() > REQUEST_ID_MAX || !letterOrDigit(id.charAt(0))) {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean assignedWithoutControls(String s, boolean tab) {
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

    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** RFC 6750's token characters (b64token, without the trailing {@code =}), by ASCII code. */
    private static final boolean[] TOKEN_CHARACTERS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TOKEN_CHARACTERS[c] = letterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        }
    }

    /** A look-up, not seven comparisons: every character of every bearer token (about a kilobyte) comes here. */
    private static boolean tokenCharacter(char c) {
        return c < 128 && TOKEN_CHARACTERS[c];
    }
}
