package cn.mubiao.devstack;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the octets of a short message according to its SMPP data_coding: 8 = UCS-2 (big-endian), 0 = SMSC
 * default alphabet taken as GSM 03.38 (one septet per octet, as SMPP carries it, with the 0x1B extension table),
 * 1 = IA5/ASCII, 3 = Latin-1, plus the GSM 03.38 coding groups (00xx general, 1111 message class).
 */
final class SmsTextDecoder {

    static final int UCS2 = 0x08;

    private static final char ESCAPE = 0x1B;

    /** GSM 03.38 basic character set, indexed by septet value. */
    private static final String GSM_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                    + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private enum Alphabet { GSM, ASCII, LATIN1, UCS2 }

    private SmsTextDecoder() {
    }

    static String decode(byte[] octets, int dataCoding) {
        return switch (alphabet(dataCoding & 0xFF)) {
            case GSM -> decodeGsm(octets);
            case ASCII -> new String(octets, StandardCharsets.US_ASCII);
            case LATIN1 -> new String(octets, StandardCharsets.ISO_8859_1);
            case UCS2 -> new String(octets, StandardCharsets.UTF_16BE);
        };
    }

    private static Alphabet alphabet(int dataCoding) {
        if (dataCoding <= 0x0F) {
            return switch (dataCoding) {
                case 0x00 -> Alphabet.GSM;
                case 0x01 -> Alphabet.ASCII;
                case 0x08 -> Alphabet.UCS2;
                default -> Alphabet.LATIN1; // 3 = Latin-1; 2/4 octet data and the rest: show octets as Latin-1
            };
        }
        if ((dataCoding & 0xC0) == 0x00) { // GSM 03.38 general data coding group 00xx: bits 3..2 are the alphabet
            return switch ((dataCoding >> 2) & 0x03) {
                case 0 -> Alphabet.GSM;
                case 2 -> Alphabet.UCS2;
                default -> Alphabet.LATIN1;
            };
        }
        if ((dataCoding & 0xF0) == 0xF0) { // data coding / message class group: bit 2 = 8-bit data
            return (dataCoding & 0x04) == 0 ? Alphabet.GSM : Alphabet.LATIN1;
        }
        if ((dataCoding & 0xF0) == 0xE0) { // message waiting indication, UCS-2
            return Alphabet.UCS2;
        }
        return Alphabet.GSM; // message waiting indication groups 1100/1101 carry GSM default text
    }

    static String decodeGsm(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet == ESCAPE && i + 1 < septets.length) {
                text.append(extension(septets[++i] & 0x7F));
            } else if (septet != ESCAPE) {
                text.append(GSM_BASIC.charAt(septet));
            }
        }
        return text.toString();
    }

    private static char extension(int septet) {
        return switch (septet) {
            case 0x0A -> '\f';
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2F -> '\\';
            case 0x3C -> '[';
            case 0x3D -> '~';
            case 0x3E -> ']';
            case 0x40 -> '|';
            case 0x65 -> '€';
            default -> ' '; // unknown extension: the spec says show a space
        };
    }
}
