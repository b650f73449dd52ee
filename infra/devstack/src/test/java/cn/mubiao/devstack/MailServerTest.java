package cn.mubiao.devstack;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private MailServer server;
    private Session session;

    @BeforeEach
    void start() {
        server = new MailServer(Ports.freePort());
        server.start();
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(server.port()));
        session = Session.getInstance(props);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void plainTextMailWithChineseSubjectAndBodyIsReadBackDecoded() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("noreply@mubiao.local", "目标管理平台", "UTF-8"));
        message.setRecipients(Message.RecipientType.TO, "zy-leader@demo.mubiao.local");
        message.setSubject("【预警】中原区：招商引资目标进度滞后", "UTF-8");
        message.setText("您好：\n截至 6 月底，招商引资目标完成 38%，低于序时进度 50%。\n请及时督办。", "UTF-8");
        Transport.send(message);

        List<ReceivedMail> mails = server.awaitCount(1, WAIT);

        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.to()).containsExactly("zy-leader@demo.mubiao.local");
            assertThat(mail.from()).isEqualTo("noreply@mubiao.local");
            assertThat(mail.subject()).isEqualTo("【预警】中原区：招商引资目标进度滞后");
            assertThat(mail.body())
                    .isEqualTo("您好：\n截至 6 月底，招商引资目标完成 38%，低于序时进度 50%。\n请及时督办。");
            assertThat(mail.receivedAt()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        });
    }

    @Test
    void multipartAlternativeMailYieldsItsPlainTextPart() throws Exception {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText("目标“新增就业 2 万人”已完成。", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<html><body><p>目标<b>“新增就业 2 万人”</b>已完成。</p></body></html>",
                "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
        MimeMessage message = message("通知：目标已完成");
        message.setContent(alternative);
        Transport.send(message);

        assertThat(server.awaitCount(1, WAIT)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("通知：目标已完成");
            assertThat(mail.body()).isEqualTo("目标“新增就业 2 万人”已完成。");
        });
    }

    @Test
    void htmlOnlyMailYieldsItsText() throws Exception {
        MimeMessage message = message("督办提醒");
        message.setContent("<html><head><style>p{color:red}</style></head><body><p>请于 7 月 5 日前填报</p>"
                + "<p>金水区 &amp; 中原区</p></body></html>", "text/html; charset=UTF-8");
        Transport.send(message);

        assertThat(server.awaitCount(1, WAIT).getFirst().body()).isEqualTo("请于 7 月 5 日前填报\n金水区 & 中原区");
    }

    @Test
    void mailWithRawUtf8HeadersIsDecoded() throws Exception {
        // what an SMTPUTF8-style client sends: no RFC 2047 encoding, the header bytes are UTF-8
        String raw = "From: noreply@mubiao.local\r\n"
                + "To: city-office@demo.mubiao.local\r\n"
                + "Subject: 目标调整通知\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "年度目标已调整。\r\n";
        smtpSend("noreply@mubiao.local", "city-office@demo.mubiao.local", raw.getBytes(StandardCharsets.UTF_8));

        assertThat(server.awaitCount(1, WAIT)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("目标调整通知");
            assertThat(mail.body()).isEqualTo("年度目标已调整。");
        });
    }

    @Test
    void mailToSeveralRecipientsIsReportedOnce() throws Exception {
        MimeMessage message = message("周报");
        message.setRecipients(Message.RecipientType.TO, "zy-leader@demo.mubiao.local, zy-reporter@demo.mubiao.local");
        message.setText("本周进度汇总", "UTF-8");
        Transport.send(message);
        server.awaitCount(1, WAIT);
        Thread.sleep(200); // the second copy would be stored right after the first

        assertThat(server.messages()).singleElement().satisfies(mail -> assertThat(mail.to())
                .containsExactly("zy-leader@demo.mubiao.local", "zy-reporter@demo.mubiao.local"));
    }

    @Test
    void anySmtpLoginIsAccepted() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "localhost");
        props.put("mail.smtp.port", String.valueOf(server.port()));
        props.put("mail.smtp.auth", "true");
        Session authenticating = Session.getInstance(props);
        MimeMessage message = new MimeMessage(authenticating);
        message.setFrom("noreply@mubiao.local");
        message.setRecipients(Message.RecipientType.TO, "auditor@demo.mubiao.local");
        message.setSubject("审计通知", "UTF-8");
        message.setText("内容", "UTF-8");

        Transport.send(message, "notification-service", "whatever");

        assertThat(server.awaitCount(1, WAIT)).hasSize(1);
    }

    @Test
    void clearForgetsReceivedMail() throws Exception {
        MimeMessage message = message("一");
        message.setText("1", "UTF-8");
        Transport.send(message);
        server.awaitCount(1, WAIT);

        server.clear();

        assertThat(server.messages()).isEmpty();
    }

    @Test
    void awaitCountExplainsWhatArrivedWhenTooFewCame() {
        assertThatThrownBy(() -> server.awaitCount(1, Duration.ofMillis(100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected at least 1 message(s)")
                .hasMessageContaining("got 0");
    }

    private MimeMessage message(String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom("noreply@mubiao.local");
        message.setRecipients(Message.RecipientType.TO, "city-office@demo.mubiao.local");
        message.setSubject(subject, "UTF-8");
        return message;
    }

    /** A bare SMTP dialogue, to send bytes exactly as given. */
    private void smtpSend(String from, String to, byte[] data) throws Exception {
        try (Socket socket = new Socket("localhost", server.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO test", "250");
            command(out, in, "MAIL FROM:<" + from + ">", "250");
            command(out, in, "RCPT TO:<" + to + ">", "250");
            command(out, in, "DATA", "354");
            out.write(data);
            command(out, in, "\r\n.", "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String expectedCode)
            throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expectedCode);
    }

    private static void expect(BufferedReader in, String code) throws Exception {
        String line;
        do {
            line = in.readLine();
            assertThat(line).as("SMTP reply").startsWith(code);
        } while (line.length() > 3 && line.charAt(3) == '-');
    }
}
