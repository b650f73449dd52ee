package cn.mubiao.notification.channel;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SMTP connection per sending thread, kept open between messages: connecting, EHLO and QUIT are most of the
 * round trips of a one-message session. Before each message the connection is checked (SMTP NOOP); a dead one is
 * replaced. A connection that fails while sending is closed and the message counts as not sent (the delivery retries
 * it): it is never sent again here, so an answer lost after the server took the message cannot make two copies.
 */
@Component
class SmtpConnections implements MailTransport, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    private final JavaMailSenderImpl settings;
    private final ThreadLocal<Transport> own = new ThreadLocal<>();
    private final Set<Transport> open = ConcurrentHashMap.newKeySet();

    SmtpConnections(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    @Override
    public void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Transport t = connected();
        try {
            t.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            throw e; // recipients refused; the connection is fine
        } catch (MessagingException | RuntimeException e) {
            drop(t);
            throw e;
        }
    }

    private Transport connected() throws MessagingException {
        Transport t = own.get();
        if (t != null && t.isConnected()) {
            return t;
        }
        if (t != null) {
            drop(t);
        }
        Transport fresh = settings.getSession().getTransport(settings.getProtocol() == null ? "smtp" : settings.getProtocol());
        fresh.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
        own.set(fresh);
        open.add(fresh);
        return fresh;
    }

    private void drop(Transport t) {
        own.remove();
        open.remove(t);
        try {
            t.close();
        } catch (MessagingException e) {
            log.debug("closing a broken SMTP connection: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        for (Transport t : open) {
            try {
                t.close();
            } catch (MessagingException e) {
                log.debug("closing an SMTP connection: {}", e.toString());
            }
        }
        open.clear();
    }
}
