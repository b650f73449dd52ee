package cn.mubiao.notification.channel;

import cn.mubiao.notification.NotificationProperties;
import cn.mubiao.notification.warning.domain.Channel;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends SMS over SMPP (jSMPP), UCS-2 for Chinese, long texts as concatenated parts, bound as a transceiver so the
 * SMSC's delivery receipts come back on the same session and are handed to the {@link SmsReceiptListener}.
 */
@Component
public class SmsChannel implements Sender, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmsChannel.class);

    private final NotificationProperties.Smpp settings;
    private final AtomicInteger reference = new AtomicInteger();
    private final ObjectProvider<SmsReceiptListener> receipts;
    private final Clock clock;
    private volatile SMPPSession session;

    SmsChannel(NotificationProperties settings, ObjectProvider<SmsReceiptListener> receipts, Clock clock) {
        this.settings = settings.smpp();
        this.receipts = receipts;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /** Sends a text (the subject is not sent); returns the SMSC message ids of its parts, comma-separated. */
    @Override
    public String send(String phone, String subject, String text) {
        return String.join(",", send(phone, text));
    }

    /**
     * Sends a text; returns the SMSC message id of each part. Several threads may send at once over the one session
     * (jSMPP matches each submit_sm_resp to its request by sequence number); binding is one at a time.
     */
    List<String> send(String phone, String text) {
        List<byte[]> parts = SmsParts.ucs2(text, reference.incrementAndGet() & 0xff);
        ESMClass esm = parts.size() > 1
                ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                : new ESMClass();
        SMPPSession s = session();
        try {
            return parts.stream().map(p -> submit(s, phone, esm, p)).toList();
        } catch (InvalidAddressException e) {
            throw e; // the session is fine
        } catch (RuntimeException e) {
            close(s);
            throw e;
        }
    }

    private String submit(SMPPSession s, String phone, ESMClass esm, byte[] part) {
        try {
            return s.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                    settings.sourceAddress(), TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, phone, esm,
                    (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                    (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2, MessageClass.CLASS1, false), (byte) 0, part)
                    .getMessageId();
        } catch (NegativeResponseException e) {
            if (e.getCommandStatus() == SMPPConstant.STAT_ESME_RINVDSTADR) {
                throw new InvalidAddressException("the SMSC refused the destination " + phone, e);
            }
            throw new IllegalStateException("SMPP submit_sm to " + phone + " refused: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("SMPP submit_sm to " + phone + " failed: " + e.getMessage(), e);
        }
    }

    private synchronized SMPPSession session() {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(settings.timeout().toMillis());
        s.setMessageReceiverListener(new Receipts());
        try {
            s.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
                    settings.password(), "mubiao", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    settings.timeout().toMillis());
        } catch (Exception e) {
            s.close();
            throw new IllegalStateException("cannot bind to SMPP " + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        log.info("bound to SMPP {}:{} as {}", settings.host(), settings.port(), settings.systemId());
        session = s;
        return s;
    }

    /** Closes the session when it is still the one that failed (another thread may have bound a new one). */
    private synchronized void close(SMPPSession failed) {
        if (session == failed) {
            close();
        }
    }

    private synchronized void close() {
        if (session != null) {
            try {
                session.unbindAndClose();
            } catch (RuntimeException ignored) {
                // closing a broken session
            }
            session = null;
        }
    }

    @Override
    public void destroy() {
        close();
    }

    /** Delivery receipts (deliver_sm with the SMSC receipt flag); other mobile-originated messages are ignored. */
    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                log.debug("ignoring a mobile-originated message from {}", deliverSm.getSourceAddr());
                return;
            }
            SmsReceipt receipt;
            try {
                DeliveryReceipt r = deliverSm.getShortMessageAsDeliveryReceipt();
                receipt = new SmsReceipt(messageId(deliverSm, r), r.getFinalStatus() == null ? "UNKNOWN" : r.getFinalStatus().name(),
                        r.getError(), r.getDoneDate() == null ? clock.instant() : r.getDoneDate().toInstant());
            } catch (Exception e) {
                log.warn("an unreadable delivery receipt was ignored: {}", e.getMessage());
                return;
            }
            try {
                receipts.ifAvailable(l -> l.received(receipt));
            } catch (RuntimeException e) {
                log.warn("delivery receipt of {} not recorded, the SMSC will send it again: {}", receipt.messageId(), e.toString());
                throw new ProcessRequestException("receipt not recorded", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }

        /** The receipted_message_id TLV when the SMSC sends it (exactly as submit_sm_resp said), else the text's id. */
        private static String messageId(DeliverSm deliverSm, DeliveryReceipt r) {
            OptionalParameter p = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
            if (p instanceof OptionalParameter.COctetString id && id.getValueAsString() != null && !id.getValueAsString().isBlank()) {
                return id.getValueAsString();
            }
            return r.getId();
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // not used
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not accepted", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
