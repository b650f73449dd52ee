package cn.mubiao.notification.warning.domain;

import java.util.regex.Pattern;

/**
 * Whether an address can be sent to at all: an email address with one {@code @} and a dotted domain; a mainland
 * mobile number (11 digits starting 13–19, optionally led by {@code +86} or {@code 86}). Anything else is reported
 * as INVALID_ADDRESS and never retried.
 */
public final class Addresses {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern MOBILE = Pattern.compile("^(\\+?86)?1[3-9]\\d{9}$");

    private Addresses() {
    }

    public static boolean valid(Channel channel, String address) {
        if (address == null) {
            return false;
        }
        return switch (channel) {
            case EMAIL -> EMAIL.matcher(address).matches();
            case SMS -> MOBILE.matcher(address).matches();
        };
    }
}
