package cn.mubiao.devstack;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/** Turns a stored MIME message into a {@link ReceivedMail}: addresses, decoded subject and the plain-text body. */
final class MailDecoder {

    /** Re-parse with raw UTF-8 headers allowed, so unencoded Chinese subjects survive as well as RFC 2047 ones. */
    private static final Session UTF8_SESSION = Session.getInstance(utf8Properties());

    private static final Pattern BLOCK_TAGS = Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/li|/h[1-6])\\b[^>]*>");
    private static final Pattern HEAD_AND_SCRIPTS =
            Pattern.compile("(?is)<(head|style|script)\\b.*?</\\1\\s*>");
    private static final Pattern TAGS = Pattern.compile("(?s)<[^>]*>");

    private MailDecoder() {
    }

    static ReceivedMail decode(MimeMessage stored, Instant receivedAt) {
        try {
            MimeMessage message = reparse(stored);
            String subject = message.getSubject();
            return new ReceivedMail(addresses(message.getRecipients(Message.RecipientType.TO)),
                    firstAddress(message.getFrom()),
                    subject == null ? "" : subject,
                    normalize(textOf(message)),
                    receivedAt);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot decode received mail", e);
        }
    }

    private static MimeMessage reparse(MimeMessage stored) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        stored.writeTo(raw);
        return new MimeMessage(UTF8_SESSION, new ByteArrayInputStream(raw.toByteArray()));
    }

    private static List<String> addresses(Address[] addresses) {
        List<String> result = new ArrayList<>();
        if (addresses != null) {
            for (Address address : addresses) {
                result.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
            }
        }
        return result;
    }

    private static String firstAddress(Address[] addresses) {
        List<String> all = addresses(addresses);
        return all.isEmpty() ? "" : all.getFirst();
    }

    /** text/plain wins (multipart/alternative); otherwise the text of the first HTML part; attachments are skipped. */
    private static String textOf(Part message) throws MessagingException, IOException {
        String plain = findText(message, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = findText(message, "text/html");
        return html == null ? "" : htmlToText(html);
    }

    private static String findText(Part part, String mimeType) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return null;
        }
        if (part.isMimeType(mimeType)) {
            return readText(part);
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = findText(child, mimeType);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** Decodes with the declared charset; a part without one is taken as UTF-8 (what our services send). */
    private static String readText(Part part) throws MessagingException, IOException {
        Charset charset = StandardCharsets.UTF_8;
        try {
            String declared = new ContentType(part.getContentType()).getParameter("charset");
            if (declared != null) {
                charset = Charset.forName(MimeUtility.javaCharset(declared));
            }
        } catch (ParseException | IllegalArgumentException e) {
            // unknown or malformed charset: keep UTF-8
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), charset);
        }
    }

    static String htmlToText(String html) {
        String text = HEAD_AND_SCRIPTS.matcher(html).replaceAll("");
        text = BLOCK_TAGS.matcher(text).replaceAll("\n");
        text = TAGS.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String normalize(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static Properties utf8Properties() {
        Properties properties = new Properties();
        properties.put("mail.mime.allowutf8", "true");
        return properties;
    }
}
