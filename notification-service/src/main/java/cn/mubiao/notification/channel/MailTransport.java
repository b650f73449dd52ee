package cn.mubiao.notification.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Hands a finished message to the SMTP server. */
@FunctionalInterface
interface MailTransport {

    /**
     * @throws jakarta.mail.SendFailedException when the server refuses recipients
     * @throws MessagingException               for anything else (the connection, the server)
     */
    void send(MimeMessage message) throws MessagingException;
}
