package cn.mubiao.notification.channel;

import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.warning.domain.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Sends email over SMTP, UTF-8: plain text, or with an HTML alternative and an attachment. */
@Component
public class EmailChannel implements Sender {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    /*
     * Jakarta Mail 2.1 looks its StreamProvider up anew (ServiceLoader over every jar of the classpath) on each
     * MimeUtility encode and decode — several times a message for a Chinese subject and sender name, about a fifth
     * of this service's CPU under load (jakartaee/mail-api#861). Named here, the lookup is one Class.forName.
     */
    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender mail;
    private final MailTransport transport;
    private final String from;

    EmailChannel(JavaMailSender mail, MailTransport transport, NotificationProperties settings) {
        this.mail = mail;
        this.transport = transport;
        this.from = settings.mailFrom();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** Sends and returns the Message-ID; an address the server refuses is an {@link InvalidAddressException}. */
    @Override
    public String send(String to, String subject, String text) {
        return send(to, subject, text, null);
    }

    /**
     * Sends plain text, or with an enclosure the plain text and its HTML alternative plus the attachment (a bulletin's
     * table and PDF), and returns the Message-ID.
     */
    @Override
    public String send(String to, String subject, String text, Enclosure enclosure) {
        try {
            new InternetAddress(to, true).validate();
        } catch (AddressException e) {
            throw new InvalidAddressException("invalid email address " + to + ": " + e.getMessage(), e);
        }
        try {
            MimeMessage m = mail.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(m, enclosure == null ? MimeMessageHelper.MULTIPART_MODE_NO
                    : MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
            h.setFrom(from, "目标管理平台");
            h.setTo(to);
            h.setSubject(subject);
            if (enclosure == null) {
                h.setText(text, false);
            } else {
                h.setText(text, enclosure.html());
                h.addAttachment(enclosure.attachmentName(), new ByteArrayResource(enclosure.attachment()),
                        enclosure.attachmentType());
            }
            send(m, to);
            return m.getMessageID();
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the email to " + to, e);
        }
    }

    private void send(MimeMessage m, String to) {
        try {
            transport.send(m);
        } catch (SendFailedException e) {
            if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
                throw new InvalidAddressException("the SMTP server refused " + to + ": " + e.getMessage(), e);
            }
            throw new IllegalStateException("SMTP send to " + to + " failed: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new IllegalStateException("SMTP send to " + to + " failed: " + e.getMessage(), e);
        }
    }
}
