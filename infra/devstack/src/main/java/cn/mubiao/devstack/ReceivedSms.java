package cn.mubiao.devstack;

import java.time.Instant;

/**
 * One logical short message accepted by the SMPP simulator; a concatenated long message (UDH or SAR TLVs) is
 * reassembled first and appears once.
 *
 * @param destination the destination address (the phone number the SMS is for)
 * @param source      the source address (sender id)
 * @param text        the decoded text (UCS-2, GSM 03.38, IA5 or Latin-1 according to data_coding)
 * @param parts       how many submit_sm PDUs made up this message (1 for a plain message)
 * @param receivedAt  when the last part arrived
 * @param systemId    the system_id of the ESME session that submitted it
 */
public record ReceivedSms(String destination, String source, String text, int parts, Instant receivedAt,
                          String systemId) {
}
