package cn.mubiao.devstack;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns submitted PDUs into logical messages: a single-part message is decoded at once; parts of a concatenated
 * message (UDH IEI 0x00 with an 8-bit or IEI 0x08 with a 16-bit reference when esm_class has UDHI 0x40, or the
 * sar_* TLVs) are collected until all have arrived, then joined and decoded together (so a UCS-2 character or GSM
 * escape split across parts still decodes). Incomplete messages are dropped after an hour.
 */
final class SmsAssembler {

    static final int ESM_UDHI = 0x40;
    private static final Duration INCOMPLETE_TTL = Duration.ofHours(1);

    /** One submit_sm / data_sm as received. {@code sar} is null when the sar_* TLVs were absent. */
    record Part(String systemId, String source, String destination, int dataCoding, int esmClass, byte[] octets,
                Concatenation sar) {
    }

    /** Position of one part inside a concatenated message. */
    record Concatenation(int reference, int total, int sequence) {
    }

    private record Key(String systemId, String source, String destination, int reference, int total) {
    }

    private static final class Pending {
        final byte[][] bodies;
        final Instant firstSeen;
        final int dataCoding;
        int received;

        Pending(int total, Instant firstSeen, int dataCoding) {
            this.bodies = new byte[total][];
            this.firstSeen = firstSeen;
            this.dataCoding = dataCoding;
        }
    }

    private final Clock clock;
    private final Map<Key, Pending> pending = new HashMap<>();

    SmsAssembler(Clock clock) {
        this.clock = clock;
    }

    /** Returns the complete message when {@code part} was a single message or the last missing part. */
    synchronized Optional<ReceivedSms> accept(Part part) {
        Instant now = clock.instant();
        dropStale(now);
        byte[] body = part.octets();
        Concatenation concatenation = part.sar();
        if ((part.esmClass() & ESM_UDHI) != 0 && body.length > 0) {
            int headerLength = body[0] & 0xFF;
            if (headerLength + 1 > body.length) {
                throw new IllegalArgumentException("user data header longer than the message (" + headerLength + ")");
            }
            Concatenation fromUdh = concatenationFromUdh(body, headerLength);
            if (fromUdh != null) {
                concatenation = fromUdh;
            }
            body = Arrays.copyOfRange(body, headerLength + 1, body.length);
        }
        if (concatenation == null || concatenation.total() <= 1) {
            return Optional.of(message(part, SmsTextDecoder.decode(body, part.dataCoding()), 1, now));
        }
        if (concatenation.sequence() < 1 || concatenation.sequence() > concatenation.total()) {
            throw new IllegalArgumentException("part " + concatenation.sequence() + " of " + concatenation.total());
        }
        Key key = new Key(part.systemId(), part.source(), part.destination(), concatenation.reference(),
                concatenation.total());
        Pending entry = pending.computeIfAbsent(key, k -> new Pending(k.total(), now, part.dataCoding()));
        int index = concatenation.sequence() - 1;
        if (entry.bodies[index] == null) {
            entry.received++;
        }
        entry.bodies[index] = body;
        if (entry.received < concatenation.total()) {
            return Optional.empty();
        }
        pending.remove(key);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] piece : entry.bodies) {
            joined.writeBytes(piece);
        }
        String text = SmsTextDecoder.decode(joined.toByteArray(), entry.dataCoding);
        return Optional.of(message(part, text, concatenation.total(), now));
    }

    synchronized int incompleteCount() {
        return pending.size();
    }

    private static Concatenation concatenationFromUdh(byte[] message, int headerLength) {
        int position = 1;
        int end = 1 + headerLength;
        while (position + 1 < end) {
            int iei = message[position] & 0xFF;
            int length = message[position + 1] & 0xFF;
            int data = position + 2;
            if (data + length > end) {
                break;
            }
            if (iei == 0x00 && length == 3) {
                return new Concatenation(message[data] & 0xFF, message[data + 1] & 0xFF, message[data + 2] & 0xFF);
            }
            if (iei == 0x08 && length == 4) {
                int reference = ((message[data] & 0xFF) << 8) | (message[data + 1] & 0xFF);
                return new Concatenation(reference, message[data + 2] & 0xFF, message[data + 3] & 0xFF);
            }
            position = data + length;
        }
        return null;
    }

    private static ReceivedSms message(Part part, String text, int parts, Instant at) {
        return new ReceivedSms(part.destination(), part.source(), text, parts, at, part.systemId());
    }

    private void dropStale(Instant now) {
        pending.values().removeIf(entry -> entry.firstSeen.plus(INCOMPLETE_TTL).isBefore(now));
    }
}
