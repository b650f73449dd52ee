package cn.mubiao.devstack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextDecoderTest {

    @Test
    void ucs2IsDecodedBigEndian() {
        byte[] octets = "目标进度".getBytes(StandardCharsets.UTF_16BE);

        assertThat(SmsTextDecoder.decode(octets, 0x08)).isEqualTo("目标进度");
        assertThat(SmsTextDecoder.decode(octets, 0x18)).as("UCS-2 with message class").isEqualTo("目标进度");
    }

    @Test
    void gsmDefaultAlphabetMapsItsOwnCharactersAndTheExtensionTable() {
        byte[] octets = {0x00, 0x01, 0x02, 0x11, 0x20, 0x41, 0x61, 0x5B, 0x7F, 0x1B, 0x65, 0x1B, 0x28, 0x1B, 0x29,
                0x1B, 0x2F, 0x1B, 0x40, 0x1B, 0x14, 0x1B, 0x3D};

        assertThat(SmsTextDecoder.decode(octets, 0x00)).isEqualTo("@£$_ AaÄà€{}\\|^~");
    }

    @Test
    void gsmMessageClassGroupIsGsmUnlessTheEightBitFlagIsSet() {
        assertThat(SmsTextDecoder.decode(new byte[] {0x48, 0x69, 0x00}, 0xF0)).isEqualTo("Hi@");
        assertThat(SmsTextDecoder.decode(new byte[] {0x48, 0x69, 0x40}, 0xF4)).isEqualTo("Hi@");
    }

    @Test
    void ia5AndLatin1AreDecodedAsSuch() {
        assertThat(SmsTextDecoder.decode("Hello @ 2026".getBytes(StandardCharsets.US_ASCII), 0x01))
                .isEqualTo("Hello @ 2026");
        assertThat(SmsTextDecoder.decode("Grüße".getBytes(StandardCharsets.ISO_8859_1), 0x03)).isEqualTo("Grüße");
    }

    @Test
    void trailingEscapeWithoutItsCharacterIsDropped() {
        assertThat(SmsTextDecoder.decodeGsm(new byte[] {0x41, 0x1B})).isEqualTo("A");
    }
}
