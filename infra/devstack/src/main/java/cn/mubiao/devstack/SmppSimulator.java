package cn.mubiao.devstack;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AbstractSmCommand;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageIDGenerator;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An SMSC stand-in on jSMPP: accepts binds (any credentials, or one configured system_id/password pair), answers
 * submit_sm/data_sm with a message id, reassembles and decodes what it got, and sends a delivery receipt
 * (deliver_sm) when registered_delivery asks for one. enquire_link and unbind are answered by jSMPP itself.
 */
final class SmppSimulator implements Inbox<ReceivedSms>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppSimulator.class);

    static final String SMSC_SYSTEM_ID = "mubiao-smsc";
    private static final long BIND_TIMEOUT_MILLIS = 10_000;
    private static final long RECEIPT_DELAY_MILLIS = 100;

    private record Binding(String systemId, BindType type) {
    }

    private final int port;
    private final String requiredSystemId;
    private final String requiredPassword;
    private final boolean deliveryReceipts;
    private final SmsAssembler assembler = new SmsAssembler(Clock.systemUTC());
    private final MessageIDGenerator messageIds = new RandomMessageIDGenerator();
    private final List<ReceivedSms> received = new ArrayList<>();
    private final Map<SMPPServerSession, Binding> sessions = new ConcurrentHashMap<>();

    private SMPPServerSessionListener listener;
    private Thread acceptor;
    private final InetAddress bindAddress;
    private ExecutorService binder;
    private ScheduledExecutorService receiptSender;
    private volatile boolean closing;

    /** @param requiredSystemId system_id every bind must use, or {@code null} to accept any credentials */
    SmppSimulator(int port, String requiredSystemId, String requiredPassword, boolean deliveryReceipts) {
        this(port, requiredSystemId, requiredPassword, deliveryReceipts, InetAddress.getLoopbackAddress());
    }

    SmppSimulator(int port, String requiredSystemId, String requiredPassword, boolean deliveryReceipts,
                  InetAddress bindAddress) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.requiredSystemId = requiredSystemId;
        this.requiredPassword = requiredPassword;
        this.deliveryReceipts = deliveryReceipts;
    }

    synchronized void start() {
        if (listener != null) {
            return;
        }
        closing = false;
        try {
            listener = new SMPPServerSessionListener(port, new BoundServerConnectionFactory(bindAddress));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for SMPP on port " + port, e);
        }
        listener.setMessageReceiverListener(new Receiver());
        listener.setSessionStateListener(this::onStateChange);
        binder = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("smpp-bind-", 0).factory());
        receiptSender = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("smpp-receipts").factory());
        acceptor = Thread.ofPlatform().daemon().name("smpp-accept-" + port).start(this::acceptLoop);
        log.info("SMPP simulator on localhost:{} ({}, delivery receipts {})", port,
                requiredSystemId == null ? "any system_id/password" : "system_id '" + requiredSystemId + "' only",
                deliveryReceipts ? "on" : "off");
    }

    int port() {
        return port;
    }

    synchronized boolean isRunning() {
        return listener != null;
    }

    int boundSessionCount() {
        return (int) sessions.keySet().stream().filter(session -> session.getSessionState().isBound()).count();
    }

    @Override
    public List<ReceivedSms> messages() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public synchronized void close() {
        if (listener == null) {
            return;
        }
        closing = true;
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing the SMPP listener", e);
        }
        sessions.keySet().forEach(session -> {
            session.setTransactionTimer(1_000);
            session.unbindAndClose();
        });
        sessions.clear();
        receiptSender.shutdownNow();
        binder.shutdownNow();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        listener = null;
        log.info("SMPP simulator on port {} stopped", port);
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                SMPPServerSession session = listener.accept();
                binder.execute(() -> awaitBind(session));
            } catch (IOException e) {
                if (!closing) {
                    log.warn("SMPP accept failed on port {}", port, e);
                }
            } catch (RuntimeException e) {
                if (!closing) {
                    log.warn("SMPP session could not be set up", e);
                }
            }
        }
    }

    private void awaitBind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(BIND_TIMEOUT_MILLIS);
            if (requiredSystemId != null && !requiredSystemId.equals(request.getSystemId())) {
                log.warn("SMPP bind rejected: unknown system_id '{}'", request.getSystemId());
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
                return;
            }
            if (requiredSystemId != null && !Objects.equals(requiredPassword, request.getPassword())) {
                log.warn("SMPP bind rejected: wrong password for system_id '{}'", request.getSystemId());
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            // registered before the bind_resp goes out, so an immediate submit_sm finds it
            sessions.put(session, new Binding(request.getSystemId(), request.getBindType()));
            request.accept(SMSC_SYSTEM_ID, request.getInterfaceVersion());
            log.info("SMPP {} bound: system_id '{}' from {}", request.getBindType(), request.getSystemId(),
                    session.getInetAddress());
        } catch (TimeoutException e) {
            log.warn("SMPP client connected to port {} but sent no bind within {} ms", port, BIND_TIMEOUT_MILLIS);
            session.close();
        } catch (Exception e) {
            log.warn("SMPP bind failed", e);
            sessions.remove(session);
            session.close();
        }
    }

    private void onStateChange(SessionState newState, SessionState oldState, Session session) {
        if (newState == SessionState.CLOSED && session instanceof SMPPServerSession server) {
            Binding binding = sessions.remove(server);
            if (binding != null) {
                log.info("SMPP session of '{}' closed", binding.systemId());
            }
        }
    }

    /** Records one submitted PDU and schedules its receipt; returns the message id for the response. */
    private MessageId handle(AbstractSmCommand pdu, byte[] shortMessage, SMPPServerSession session)
            throws ProcessRequestException {
        Binding binding = sessions.get(session);
        String systemId = binding == null ? "" : binding.systemId();
        MessageId messageId = messageIds.newMessageId();
        Instant submittedAt = Instant.now();
        SmsAssembler.Part part = new SmsAssembler.Part(systemId, pdu.getSourceAddr(), pdu.getDestAddress(),
                pdu.getDataCoding() & 0xFF, pdu.getEsmClass() & 0xFF, octets(pdu, shortMessage), sar(pdu));
        Optional<ReceivedSms> complete;
        try {
            complete = assembler.accept(part);
        } catch (IllegalArgumentException e) {
            throw new ProcessRequestException("malformed message: " + e.getMessage(),
                    SMPPConstant.STAT_ESME_RINVESMCLASS, e);
        }
        complete.ifPresent(this::record);
        if (deliveryReceipts && receiptRequested(pdu.getRegisteredDelivery())) {
            receiptSender.schedule(() -> sendReceipt(session, pdu, messageId.getValue(), submittedAt),
                    RECEIPT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
        return messageId;
    }

    private void record(ReceivedSms sms) {
        synchronized (received) {
            received.add(sms);
        }
        log.info("SMS {} -> {} ({} part{}, from '{}'): {}", sms.source(), sms.destination(), sms.parts(),
                sms.parts() == 1 ? "" : "s", sms.systemId(), sms.text());
    }

    /** The short_message field, or the message_payload TLV when short_message is empty. */
    private static byte[] octets(AbstractSmCommand pdu, byte[] shortMessage) {
        if (shortMessage != null && shortMessage.length > 0) {
            return shortMessage;
        }
        OptionalParameter payload = pdu.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if (payload instanceof OptionalParameter.OctetString octets) {
            return octets.getValue();
        }
        return new byte[0];
    }

    private static SmsAssembler.Concatenation sar(AbstractSmCommand pdu) {
        Integer reference = numeric(pdu.getOptionalParameter(OptionalParameter.Tag.SAR_MSG_REF_NUM));
        Integer total = numeric(pdu.getOptionalParameter(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS));
        Integer sequence = numeric(pdu.getOptionalParameter(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM));
        if (reference == null || total == null || sequence == null) {
            return null;
        }
        return new SmsAssembler.Concatenation(reference, total, sequence);
    }

    private static Integer numeric(OptionalParameter parameter) {
        if (parameter instanceof OptionalParameter.Short value) {
            return value.getValue() & 0xFFFF;
        }
        if (parameter instanceof OptionalParameter.Byte value) {
            return value.getValue() & 0xFF;
        }
        return null;
    }

    private static boolean receiptRequested(byte registeredDelivery) {
        return SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(registeredDelivery)
                || SMSCDeliveryReceipt.SUCCESS.containedIn(registeredDelivery);
    }

    private void sendReceipt(SMPPServerSession submitter, AbstractSmCommand original, String messageId,
                             Instant submittedAt) {
        SMPPServerSession target = receiverFor(submitter);
        if (target == null) {
            log.info("no receiver (RX/TRX) session bound - delivery receipt for message {} not sent", messageId);
            return;
        }
        DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, 1, Date.from(submittedAt), new Date(),
                DeliveryReceiptState.DELIVRD, "000", "");
        try {
            target.deliverShortMessage("",
                    TypeOfNumber.valueOf(original.getDestAddrTon()),
                    NumberingPlanIndicator.valueOf(original.getDestAddrNpi()),
                    original.getDestAddress(),
                    TypeOfNumber.valueOf(original.getSourceAddrTon()),
                    NumberingPlanIndicator.valueOf(original.getSourceAddrNpi()),
                    original.getSourceAddr(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), DataCodings.ZERO,
                    receipt.toString().getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), messageId),
                    new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, (byte) 2 /* DELIVERED */));
            log.debug("delivery receipt for message {} sent", messageId);
        } catch (Exception e) {
            log.warn("delivery receipt for message {} could not be sent", messageId, e);
        }
    }

    /** The submitting session when it can receive, else another RX/TRX session of the same system_id. */
    private SMPPServerSession receiverFor(SMPPServerSession submitter) {
        Binding own = sessions.get(submitter);
        if (own == null) {
            return null;
        }
        if (own.type() != BindType.BIND_TX && submitter.getSessionState().isBound()) {
            return submitter;
        }
        return sessions.entrySet().stream()
                .filter(e -> e.getValue().systemId().equals(own.systemId()))
                .filter(e -> e.getValue().type() != BindType.BIND_TX)
                .filter(e -> e.getKey().getSessionState().isBound())
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession session)
                throws ProcessRequestException {
            return new SubmitSmResult(handle(submitSm, submitSm.getShortMessage(), session),
                    new OptionalParameter[0]);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session session) throws ProcessRequestException {
            if (!(session instanceof SMPPServerSession server)) {
                throw new ProcessRequestException("data_sm outside a server session", SMPPConstant.STAT_ESME_RSYSERR);
            }
            return new DataSmResult(handle(dataSm, null, server), new OptionalParameter[0]);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported("submit_multi");
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported("query_sm");
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported("replace_sm");
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession session) throws ProcessRequestException {
            throw unsupported("cancel_sm");
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported("broadcast_sm");
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported("cancel_broadcast_sm");
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession session)
                throws ProcessRequestException {
            throw unsupported("query_broadcast_sm");
        }

        private ProcessRequestException unsupported(String command) {
            return new ProcessRequestException(command + " is not supported by the devstack SMPP simulator",
                    SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** Listens on the loopback interface only (jSMPP's default factory binds every interface). */
    private record BoundServerConnectionFactory(InetAddress address) implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), backlog);
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }
}
