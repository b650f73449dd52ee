package cn.mubiao.notification.warning.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One notification per (trigger event, recipient, channel): the unique key that makes replays send nothing. */
public final class DeliveryKey {

    private DeliveryKey() {
    }

    public static String of(String eventId, String recipient, Channel channel) {
        return hash(eventId, recipient, channel.name());
    }

    /** The flood-control key: one message per recipient, channel, assignment and period in a window. */
    public static String flood(String recipient, Channel channel, String assignmentId, String period, String level) {
        return hash("flood", recipient, channel.name(), assignmentId, period, level == null ? "" : level);
    }

    private static String hash(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
