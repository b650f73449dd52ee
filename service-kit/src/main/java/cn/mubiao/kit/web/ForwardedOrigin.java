package cn.mubiao.kit.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Pattern;

/**
 * The origin ({@code scheme://host[:port]}) a client reached us at through the gateway, for answers that tell the
 * client its own base URL (DHIS2's {@code system/info contextPath}). The gateway sets {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host}, appending to what the client sent: the last entry is the gateway's, so a value planted by
 * the client is not taken. Without them (a call straight to the service) it is this request's own origin.
 */
public final class ForwardedOrigin {

    private static final Pattern SCHEME = Pattern.compile("https?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+](:\\d{1,5})?");

    private ForwardedOrigin() {
    }

    public static String of(HttpServletRequest request) {
        String scheme = last(request.getHeader("X-Forwarded-Proto"));
        String host = last(request.getHeader("X-Forwarded-Host"));
        if (scheme == null || host == null || !SCHEME.matcher(scheme).matches() || !HOST.matcher(host).matches()) {
            return own(request);
        }
        return scheme + "://" + host;
    }

    private static String own(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || (request.getScheme().equals("http") && port == 80)
                || (request.getScheme().equals("https") && port == 443);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

    private static String last(String header) {
        if (header == null) {
            return null;
        }
        String value = header.substring(header.lastIndexOf(',') + 1).strip();
        return value.isEmpty() ? null : value;
    }
}
