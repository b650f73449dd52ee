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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((eventId + "\u0000" + recipient + "\u0000" + channel.name()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
