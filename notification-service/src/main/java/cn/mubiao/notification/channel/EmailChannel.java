package cn.mubiao.notification.channel;

import cn.mubiao.notification.NotificationProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/** Sends email over SMTP, UTF-8. */
@Component
public class EmailChannel {

    private final JavaMailSender mail;
    private final String from;

    EmailChannel(JavaMailSender mail, NotificationProperties settings) {
        this.mail = mail;
        this.from = settings.mailFrom();
    }

    /** Sends and returns the Message-ID. */
    public String send(String to, String subject, String text) {
        try {
            MimeMessage m = mail.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(m, false, StandardCharsets.UTF_8.name());
            h.setFrom(from, "目标管理平台");
            h.setTo(to);
            h.setSubject(subject);
            h.setText(text, false);
            mail.send(m);
            return m.getMessageID();
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("cannot build the email to " + to, e);
        }
    }
}
