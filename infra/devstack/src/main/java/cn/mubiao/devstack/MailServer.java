package cn.mubiao.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * GreenMail SMTP server on a fixed port. Any sender, any recipient and any SMTP login are accepted; messages are
 * kept in GreenMail's in-memory store until {@link #clear()}.
 */
final class MailServer implements Inbox<ReceivedMail>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailServer.class);
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    // Jakarta Mail 2.1 otherwise runs a ServiceLoader over the classpath on each encoded header it reads or writes
    // (jakartaee/mail-api#861), for GreenMail and the decoder alike
    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final int port;
    /**
     * Each stored message decoded once: tests and benchmarks poll {@link #messages()} while thousands arrive, and
     * decoding them all again on every poll cost the devstack JVM a tenth of its CPU in the warning bench. Weak keys:
     * purged messages drop out.
     */
    private final Map<StoredMessage, ReceivedMail> decoded = Collections.synchronizedMap(new WeakHashMap<>());
    private GreenMail greenMail;

    MailServer(int port) {
        this.port = port;
    }

    synchronized void start() {
        if (greenMail != null) {
            return;
        }
        GreenMail candidate = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        candidate.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        candidate.start();
        greenMail = candidate;
        log.info("SMTP server (GreenMail) on localhost:{}", port);
    }

    int port() {
        return port;
    }

    synchronized boolean isRunning() {
        return greenMail != null && greenMail.isRunning();
    }

    /**
     * GreenMail files one copy per recipient mailbox; a message sent to several recipients is reported once
     * (same Message-ID).
     */
    @Override
    public List<ReceivedMail> messages() {
        GreenMail current = running();
        List<StoredMessage> stored = new ArrayList<>(current.getManagers().getImapHostManager().getAllMessages());
        stored.sort(Comparator.comparing(StoredMessage::getReceivedDate).thenComparing(StoredMessage::getUid));
        Set<String> seenIds = new HashSet<>();
        List<ReceivedMail> result = new ArrayList<>();
        for (StoredMessage message : stored) {
            MimeMessage mime = message.getMimeMessage();
            String messageId = messageId(mime);
            if (messageId != null && !seenIds.add(messageId)) {
                continue;
            }
            result.add(decoded.computeIfAbsent(message, m -> MailDecoder.decode(mime, m.getReceivedDate().toInstant())));
        }
        return result;
    }

    @Override
    public void clear() {
        try {
            running().purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("cannot purge GreenMail mailboxes", e);
        }
    }

    @Override
    public synchronized void close() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
            log.info("SMTP server on port {} stopped", port);
        }
    }

    private synchronized GreenMail running() {
        if (greenMail == null) {
            throw new IllegalStateException("the SMTP server is not running");
        }
        return greenMail;
    }

    private static String messageId(MimeMessage mime) {
        try {
            return mime.getMessageID();
        } catch (MessagingException e) {
            return null;
        }
    }
}
