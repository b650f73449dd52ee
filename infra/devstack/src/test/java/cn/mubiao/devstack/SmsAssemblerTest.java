package cn.mubiao.devstack;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsAssemblerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-07-01T08:00:00Z"));
    private final SmsAssembler assembler = new SmsAssembler(clock);

    @Test
    void singleMessageIsCompleteAtOnce() {
        Optional<ReceivedSms> sms = assembler.accept(part("13800000011", 0x08, 0,
                "您好".getBytes(StandardCharsets.UTF_16BE), null));

        assertThat(sms).hasValueSatisfying(message -> {
            assertThat(message.text()).isEqualTo("您好");
            assertThat(message.parts()).isEqualTo(1);
            assertThat(message.receivedAt()).isEqualTo(clock.instant());
        });
    }

    @Test
    void partsArrivingOutOfOrderAreJoinedInSequence() {
        assertThat(assembler.accept(udhPart("13800000011", 9, 3, 3, "丙"))).isEmpty();
        assertThat(assembler.accept(udhPart("13800000011", 9, 3, 1, "甲"))).isEmpty();

        Optional<ReceivedSms> sms = assembler.accept(udhPart("13800000011", 9, 3, 2, "乙"));

        assertThat(sms).hasValueSatisfying(message -> {
            assertThat(message.text()).isEqualTo("甲乙丙");
            assertThat(message.parts()).isEqualTo(3);
        });
        assertThat(assembler.incompleteCount()).isZero();
    }

    @Test
    void aRepeatedPartDoesNotCompleteTheMessageEarly() {
        assembler.accept(udhPart("13800000011", 4, 2, 1, "甲"));

        assertThat(assembler.accept(udhPart("13800000011", 4, 2, 1, "甲"))).isEmpty();
        assertThat(assembler.accept(udhPart("13800000011", 4, 2, 2, "乙"))).map(ReceivedSms::text).hasValue("甲乙");
    }

    @Test
    void sameReferenceToDifferentRecipientsStaysApart() {
        assembler.accept(udhPart("13800000011", 5, 2, 1, "给甲"));
        assembler.accept(udhPart("13800000012", 5, 2, 1, "给乙"));

        assertThat(assembler.accept(udhPart("13800000012", 5, 2, 2, "的"))).map(ReceivedSms::text).hasValue("给乙的");
        assertThat(assembler.accept(udhPart("13800000011", 5, 2, 2, "的"))).map(ReceivedSms::text).hasValue("给甲的");
    }

    @Test
    void surrogatePairSplitAcrossPartsStillDecodes() {
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_16BE); // two UTF-16 units
        byte[] first = concat(new byte[] {0x05, 0x00, 0x03, 1, 2, 1}, new byte[] {emoji[0], emoji[1]});
        byte[] second = concat(new byte[] {0x05, 0x00, 0x03, 1, 2, 2}, new byte[] {emoji[2], emoji[3]});

        assembler.accept(part("13800000011", 0x08, SmsAssembler.ESM_UDHI, first, null));
        Optional<ReceivedSms> sms = assembler.accept(part("13800000011", 0x08, SmsAssembler.ESM_UDHI, second, null));

        assertThat(sms).map(ReceivedSms::text).hasValue("😀");
    }

    @Test
    void sarTlvsConcatenateWithoutAUserDataHeader() {
        SmsAssembler.Concatenation firstOfTwo = new SmsAssembler.Concatenation(300, 2, 1);
        SmsAssembler.Concatenation secondOfTwo = new SmsAssembler.Concatenation(300, 2, 2);

        assembler.accept(part("13800000011", 0x00, 0, "Hello ".getBytes(StandardCharsets.US_ASCII), firstOfTwo));
        Optional<ReceivedSms> sms = assembler.accept(part("13800000011", 0x00, 0,
                "world".getBytes(StandardCharsets.US_ASCII), secondOfTwo));

        assertThat(sms).map(ReceivedSms::text).hasValue("Hello world");
    }

    @Test
    void udhWithoutConcatenationElementIsStrippedFromASingleMessage() {
        byte[] portAddressing = {0x06, 0x05, 0x04, 0x0B, (byte) 0x84, 0x23, (byte) 0xF0};

        Optional<ReceivedSms> sms = assembler.accept(part("13800000011", 0x08, SmsAssembler.ESM_UDHI,
                concat(portAddressing, "内容".getBytes(StandardCharsets.UTF_16BE)), null));

        assertThat(sms).map(ReceivedSms::text).hasValue("内容");
    }

    @Test
    void headerLongerThanTheMessageIsRejected() {
        assertThatThrownBy(() -> assembler.accept(part("13800000011", 0x08, SmsAssembler.ESM_UDHI,
                new byte[] {0x09, 0x00, 0x03}, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void incompleteMessagesAreDroppedAfterAnHour() {
        assembler.accept(udhPart("13800000011", 7, 2, 1, "甲"));
        assertThat(assembler.incompleteCount()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(61));
        assembler.accept(part("13800000012", 0x08, 0, "新".getBytes(StandardCharsets.UTF_16BE), null));

        assertThat(assembler.incompleteCount()).isZero();
    }

    private static SmsAssembler.Part udhPart(String destination, int reference, int total, int sequence,
                                             String text) {
        byte[] udh = {0x05, 0x00, 0x03, (byte) reference, (byte) total, (byte) sequence};
        return part(destination, 0x08, SmsAssembler.ESM_UDHI,
                concat(udh, text.getBytes(StandardCharsets.UTF_16BE)), null);
    }

    private static SmsAssembler.Part part(String destination, int dataCoding, int esmClass, byte[] octets,
                                          SmsAssembler.Concatenation sar) {
        return new SmsAssembler.Part("esme", "MUBIAO", destination, dataCoding, esmClass, octets, sar);
    }

    private static byte[] concat(byte[]... arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] array : arrays) {
            out.writeBytes(array);
        }
        return out.toByteArray();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
