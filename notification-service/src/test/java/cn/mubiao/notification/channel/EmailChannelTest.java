package cn.mubiao.notification.channel;

import cn.mubiao.notification.NotificationProperties;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the email channel hands the SMTP server, captured before it would be sent. */
class EmailChannelTest {

    private final List<MimeMessage> sent = new ArrayList<>();
    private final EmailChannel channel = new EmailChannel(new JavaMailSenderImpl(), sent::add, Binder.get(new org.springframework.core.env.StandardEnvironment()).bindOrCreate("mubiao.notification",
            Bindable.of(NotificationProperties.class)));

    @Test
    void anEmailWithAnEnclosureCarriesTheTextTheHtmlAndThePdf() throws Exception {
        byte[] pdf = "%PDF-1.4 test".getBytes();

        channel.send("city-office@demo.mubiao.cn", "【目标进度通报】郑州市", "纯文本 / plain",
                new Enclosure("<table><tr><td>中原区</td></tr></table>", "bulletin-410100-200707.pdf", "application/pdf", pdf));

        MimeMessage m = sent.getFirst();
        m.saveChanges();
        assertThat(m.getSubject()).isEqualTo("【目标进度通报】郑州市");
        assertThat(m.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) m.getContent();
        List<String> types = new ArrayList<>();
        List<Object> contents = new ArrayList<>();
        collect(mixed, types, contents);
        assertThat(types).anySatisfy(t -> assertThat(t).startsWith("text/plain"))
                .anySatisfy(t -> assertThat(t).startsWith("text/html"))
                .anySatisfy(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(contents).contains("纯文本 / plain", "<table><tr><td>中原区</td></tr></table>");
        BodyPart attachment = find(mixed, "application/pdf");
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("bulletin-410100-200707.pdf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        attachment.getInputStream().transferTo(bytes);
        assertThat(bytes.toByteArray()).isEqualTo(pdf);
    }

    @Test
    void anEmailWithoutAnEnclosureStaysPlainText() throws Exception {
        channel.send("zy-leader@demo.mubiao.cn", "预警", "正文");

        MimeMessage m = sent.getFirst();
        m.saveChanges();
        assertThat(m.getContentType()).startsWith("text/plain");
        assertThat(m.getContent()).isEqualTo("正文");
    }

    private static void collect(Multipart mp, List<String> types, List<Object> contents) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.getContent() instanceof Multipart inner) {
                collect(inner, types, contents);
            } else {
                types.add(p.getContentType());
                contents.add(p.getContent());
            }
        }
    }

    private static BodyPart find(Multipart mp, String type) throws Exception {
        for (int i = 0; i < mp.getCount(); i++) {
            BodyPart p = mp.getBodyPart(i);
            if (p.getContent() instanceof Multipart inner) {
                BodyPart found = find(inner, type);
                if (found != null) {
                    return found;
                }
            } else if (p.getContentType().startsWith(type)) {
                return p;
            }
        }
        return null;
    }

}
