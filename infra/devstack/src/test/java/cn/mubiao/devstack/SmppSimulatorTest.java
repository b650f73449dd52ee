package cn.mubiao.devstack;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmppSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final DataCoding UCS2 = new GeneralDataCoding(Alphabet.ALPHA_UCS2);
    private static final DataCoding GSM = new GeneralDataCoding(Alphabet.ALPHA_DEFAULT);
    private static final ESMClass PLAIN = new ESMClass();
    private static final ESMClass WITH_UDH = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
            GSMSpecificFeature.UDHI);

    private final List<SMPPSession> clients = new ArrayList<>();
    private final BlockingQueue<DeliverSm> delivered = new LinkedBlockingQueue<>();
    private SmppSimulator simulator;

    @AfterEach
    void stop() {
        clients.forEach(SMPPSession::unbindAndClose);
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void ucs2ChineseMessageIsDecoded() throws Exception {
        start(null, null);
        SMPPSession client = bind(BindType.BIND_TRX, "mubiao-notify", "any");
        String text = "【目标管理平台】您负责的“新增就业”目标进度滞后，请及时填报。";

        String messageId = submit(client, "13800000011", UCS2, PLAIN, text.getBytes(StandardCharsets.UTF_16BE));

        assertThat(messageId).isNotBlank();
        assertThat(simulator.awaitCount(1, WAIT)).singleElement().satisfies(sms -> {
            assertThat(sms.destination()).isEqualTo("13800000011");
            assertThat(sms.source()).isEqualTo("MUBIAO");
            assertThat(sms.text()).isEqualTo(text);
            assertThat(sms.parts()).isEqualTo(1);
            assertThat(sms.systemId()).isEqualTo("mubiao-notify");
            assertThat(sms.receivedAt()).isNotNull();
        });
    }

    @Test
    void threePartUcs2MessageWithEightBitReferenceIsReassembledIntoOne() throws Exception {
        start(null, null);
        SMPPSession client = bind(BindType.BIND_TRX, "mubiao-notify", "any");
        String text = ("【预警】中原区“招商引资”目标截至六月底完成百分之三十八，低于序时进度十二个百分点。"
                + "请分管领导督促相关单位加快推进，并于七月五日前在目标管理平台填报整改措施和预计完成时间。"
                + "如有困难请联系市目标办，电话 0371-00000000。请各相关单位高度重视，确保全年目标顺利实现。"
                + "本短信由系统自动发送，请勿回复。");
        List<String> pieces = split(text, 67);
        assertThat(pieces).hasSize(3);

        for (int i = 0; i < pieces.size(); i++) {
            byte[] udh = {0x05, 0x00, 0x03, 0x2A, 3, (byte) (i + 1)};
            submit(client, "13800000012", UCS2, WITH_UDH,
                    concat(udh, pieces.get(i).getBytes(StandardCharsets.UTF_16BE)));
        }

        assertThat(simulator.awaitCount(1, WAIT)).singleElement().satisfies(sms -> {
            assertThat(sms.text()).isEqualTo(text);
            assertThat(sms.parts()).isEqualTo(3);
            assertThat(sms.destination()).isEqualTo("13800000012");
        });
    }

    @Test
    void gsmMessageWithSixteenBitReferenceAndExtensionCharactersIsReassembled() throws Exception {
        start(null, null);
        SMPPSession client = bind(BindType.BIND_TX, "mubiao-notify", "any");
        byte[] first = concat(new byte[] {0x06, 0x08, 0x04, 0x12, 0x34, 2, 1},
                "Budget 500 ".getBytes(StandardCharsets.US_ASCII), new byte[] {0x1B, 0x65}); // 0x1B 0x65 = euro
        byte[] second = concat(new byte[] {0x06, 0x08, 0x04, 0x12, 0x34, 2, 2},
                " spent ".getBytes(StandardCharsets.US_ASCII), new byte[] {0x1B, 0x3C, 0x00, 0x1B, 0x3E}); // [@]

        submit(client, "13800000021", GSM, WITH_UDH, second);
        submit(client, "13800000021", GSM, WITH_UDH, first);

        assertThat(simulator.awaitCount(1, WAIT)).singleElement().satisfies(sms -> {
            assertThat(sms.text()).isEqualTo("Budget 500 € spent [@]");
            assertThat(sms.parts()).isEqualTo(2);
        });
    }

    @Test
    void messageSplitWithSarTlvsIsReassembled() throws Exception {
        start(null, null);
        SMPPSession client = bind(BindType.BIND_TRX, "mubiao-notify", "any");
        String[] pieces = {"目标已下达，", "请登录平台查看。"};

        for (int i = 0; i < pieces.length; i++) {
            client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "MUBIAO",
                    TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, "13800000031", PLAIN, (byte) 0, (byte) 1,
                    null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, UCS2, (byte) 0,
                    pieces[i].getBytes(StandardCharsets.UTF_16BE),
                    new OptionalParameter.Sar_msg_ref_num((short) 7),
                    new OptionalParameter.Sar_total_segments((byte) 2),
                    new OptionalParameter.Sar_segment_seqnum((byte) (i + 1)));
        }

        assertThat(simulator.awaitCount(1, WAIT)).singleElement().satisfies(sms -> {
            assertThat(sms.text()).isEqualTo("目标已下达，请登录平台查看。");
            assertThat(sms.parts()).isEqualTo(2);
        });
    }

    @Test
    void messagePayloadTlvIsUsedWhenTheShortMessageIsEmpty() throws Exception {
        start(null, null);
        SMPPSession client = bind(BindType.BIND_TRX, "mubiao-notify", "any");
        String text = "长短信内容放在 message_payload 里";

        client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "MUBIAO",
                TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, "13800000041", PLAIN, (byte) 0, (byte) 1,
                null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, UCS2, (byte) 0,
                new byte[0], new OptionalParameter.Message_payload(text.getBytes(StandardCharsets.UTF_16BE)));

        assertThat(simulator.awaitCount(1, WAIT).getFirst().text()).isEqualTo(text);
    }

    @Test
    void deliveryReceiptIsSentWhenRegisteredDeliveryAsksForIt() throws Exception {
        start(null, null);
        SMPPSession client = bind(BindType.BIND_TRX, "mubiao-notify", "any");

        String messageId = client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                "MUBIAO", TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, "13800000001", PLAIN, (byte) 0,
                (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, UCS2,
                (byte) 0, "请查收".getBytes(StandardCharsets.UTF_16BE)).getMessageId();

        DeliverSm receipt = delivered.poll(10, TimeUnit.SECONDS);
        assertThat(receipt).isNotNull();
        assertThat(receipt.isSmscDeliveryReceipt()).isTrue();
        assertThat(receipt.getSourceAddr()).isEqualTo("13800000001");
        assertThat(receipt.getDestAddress()).isEqualTo("MUBIAO");
        DeliveryReceipt parsed = receipt.getShortMessageAsDeliveryReceipt();
        assertThat(parsed.getId()).isEqualTo(messageId);
        assertThat(parsed.getFinalStatus()).isEqualTo(DeliveryReceiptState.DELIVRD);
    }

    @Test
    void noReceiptIsSentWhenNoneWasRequested() throws Exception {
        start(null, null);
        SMPPSession client = bind(BindType.BIND_TRX, "mubiao-notify", "any");

        submit(client, "13800000001", UCS2, PLAIN, "无需回执".getBytes(StandardCharsets.UTF_16BE));

        simulator.awaitCount(1, WAIT);
        assertThat(delivered.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void sessionStaysBoundWhileEnquireLinksAreAnsweredAndUnbindClosesIt() throws Exception {
        start(null, null);
        SMPPSession client = new SMPPSession();
        client.setEnquireLinkTimer(200);
        client.connectAndBind("localhost", simulator.port(), bindParameter(BindType.BIND_TRX, "esme", "pw"));
        clients.add(client);

        Thread.sleep(1_200); // several enquire_link round trips

        assertThat(client.getSessionState().isBound()).isTrue();
        assertThat(simulator.boundSessionCount()).isEqualTo(1);

        client.unbindAndClose();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (simulator.boundSessionCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(simulator.boundSessionCount()).isZero();
    }

    @Test
    void configuredCredentialsAreEnforced() throws Exception {
        start("mubiao", "secret");

        assertThatThrownBy(() -> bind(BindType.BIND_TRX, "mubiao", "wrong")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> bind(BindType.BIND_TRX, "someone-else", "secret")).isInstanceOf(IOException.class);

        SMPPSession client = bind(BindType.BIND_TRX, "mubiao", "secret");
        assertThat(client.getSessionState().isBound()).isTrue();
    }

    @Test
    void clearForgetsReceivedMessages() throws Exception {
        start(null, null);
        SMPPSession client = bind(BindType.BIND_TRX, "mubiao-notify", "any");
        submit(client, "13800000011", UCS2, PLAIN, "一".getBytes(StandardCharsets.UTF_16BE));
        simulator.awaitCount(1, WAIT);

        simulator.clear();

        assertThat(simulator.messages()).isEmpty();
    }

    private void start(String systemId, String password) {
        simulator = new SmppSimulator(Ports.freePort(), systemId, password, true);
        simulator.start();
    }

    private SMPPSession bind(BindType type, String systemId, String password) throws IOException {
        SMPPSession client = new SMPPSession();
        client.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("not expected", 0x03);
            }
        });
        try {
            client.connectAndBind("localhost", simulator.port(), bindParameter(type, systemId, password));
        } catch (IOException e) {
            client.close();
            throw e;
        }
        clients.add(client);
        return client;
    }

    private static BindParameter bindParameter(BindType type, String systemId, String password) {
        return new BindParameter(type, systemId, password, "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                null);
    }

    private static String submit(SMPPSession client, String destination, DataCoding coding, ESMClass esmClass,
                                 byte[] shortMessage) throws Exception {
        return client.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "MUBIAO",
                TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, destination, esmClass, (byte) 0, (byte) 1,
                null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, coding, (byte) 0,
                shortMessage).getMessageId();
    }

    private static List<String> split(String text, int size) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            pieces.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return pieces;
    }

    private static byte[] concat(byte[]... arrays) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] array : arrays) {
            out.writeBytes(array);
        }
        return out.toByteArray();
    }
}
