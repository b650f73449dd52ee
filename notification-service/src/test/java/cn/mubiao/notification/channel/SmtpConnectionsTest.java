package cn.mubiao.notification.channel;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The email channel's SMTP connections against a real SMTP server (GreenMail). */
class SmtpConnectionsTest {

    private final int port = freePort();
    private GreenMail server = started(port);
    private final JavaMailSenderImpl settings = new JavaMailSenderImpl();
    private final SmtpConnections connections;

    SmtpConnectionsTest() {
        settings.setHost("127.0.0.1");
        settings.setPort(port);
        connections = new SmtpConnections(settings);
    }

    @AfterEach
    void stop() {
        connections.destroy();
        server.stop();
    }

    private static GreenMail started(int port) {
        GreenMail g = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        return g;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private MimeMessage message(String subject) throws Exception {
        MimeMessage m = settings.createMimeMessage();
        m.setFrom(new InternetAddress("mubiao-noreply@demo.mubiao.local"));
        m.setRecipients(Message.RecipientType.TO, "zy-leader@demo.mubiao.local");
        m.setSubject(subject, "UTF-8");
        m.setText("正文", "UTF-8");
        return m;
    }

    @Test
    void messagesOneAfterAnotherAllArriveOverTheKeptConnection() throws Exception {
        for (int i = 1; i <= 3; i++) {
            connections.send(message("预警" + i));
        }

        assertThat(server.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("预警1", "预警2", "预警3");
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedBeforeTheNextMessage() throws Exception {
        connections.send(message("重启前"));
        server.stop();
        server = started(port);

        connections.send(message("重启后"));

        assertThat(server.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("重启后");
    }

    @Test
    void aServerThatIsDownIsAFailureAndTheNextSendConnectsAgain() throws Exception {
        server.stop();
        assertThatThrownBy(() -> connections.send(message("停机"))).isInstanceOf(jakarta.mail.MessagingException.class);

        server = started(port);
        connections.send(message("恢复"));

        assertThat(server.getReceivedMessages()).extracting(MimeMessage::getSubject).containsExactly("恢复");
    }
}
