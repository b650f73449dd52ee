package cn.mubiao.notification.channel;

import cn.mubiao.notification.warning.domain.Channel;

/** One way a notification travels: email over SMTP, SMS over SMPP. */
public interface Sender {

    Channel channel();

    /**
     * Sends one notification and returns the provider's id of it.
     *
     * @throws InvalidAddressException when the provider refuses the address itself (never retried)
     * @throws RuntimeException        for anything that may pass on a later attempt
     */
    String send(String address, String subject, String text);

    /**
     * Sends one notification with an enclosure (an HTML part and an attachment); only email carries one.
     *
     * @throws UnsupportedOperationException for a channel that cannot carry it
     */
    default String send(String address, String subject, String text, Enclosure enclosure) {
        if (enclosure != null) {
            throw new UnsupportedOperationException(channel() + " carries no enclosure");
        }
        return send(address, subject, text);
    }
}
