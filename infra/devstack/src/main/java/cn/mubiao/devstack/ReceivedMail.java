package cn.mubiao.devstack;

import java.time.Instant;
import java.util.List;

/**
 * One e-mail accepted by the devstack's SMTP server.
 *
 * @param to         the addresses of the To header (just the address, without display name)
 * @param from       the address of the From header, or an empty string when there is none
 * @param subject    the decoded subject (RFC 2047 words and raw UTF-8 both handled), empty when missing
 * @param body       the plain-text body: the text/plain part (preferred in multipart/alternative), or the text of
 *                   the HTML part when there is no plain part; decoded with the part's charset, line ends as {@code \n}
 * @param receivedAt when the SMTP server accepted it
 */
public record ReceivedMail(List<String> to, String from, String subject, String body, Instant receivedAt) {

    public ReceivedMail {
        to = List.copyOf(to);
    }
}
