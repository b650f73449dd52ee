package cn.mubiao.notification.channel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into SMS parts in UCS-2 (data coding 8): one part holds 70 characters; a longer text is
 * sent as concatenated parts of at most 67 characters, each led by a 6-byte user data header
 * (IEI 0x00, 8-bit reference, total, sequence), never splitting a surrogate pair.
 */
public final class SmsParts {

    static final int SINGLE = 70;
    static final int CONCATENATED = 67;

    private SmsParts() {
    }

    /** The short_message payloads, with headers when there is more than one part. */
    public static List<byte[]> ucs2(String text, int reference) {
        if (text.length() <= SINGLE) {
            return List.of(text.getBytes(StandardCharsets.UTF_16BE));
        }
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(i + CONCATENATED, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(i, end));
            i = end;
        }
        if (chunks.size() > 255) {
            throw new IllegalArgumentException("text too long for one SMS: " + chunks.size() + " parts");
        }
        List<byte[]> parts = new ArrayList<>();
        for (int n = 0; n < chunks.size(); n++) {
            byte[] body = chunks.get(n).getBytes(StandardCharsets.UTF_16BE);
            byte[] part = new byte[6 + body.length];
            part[0] = 0x05;
            part[1] = 0x00;
            part[2] = 0x03;
            part[3] = (byte) reference;
            part[4] = (byte) chunks.size();
            part[5] = (byte) (n + 1);
            System.arraycopy(body, 0, part, 6, body.length);
            parts.add(part);
        }
        return parts;
    }
}
