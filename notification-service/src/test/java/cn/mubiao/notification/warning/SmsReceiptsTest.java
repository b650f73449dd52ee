package cn.mubiao.notification.warning;

import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.kit.testing.Tokens;
import cn.mubiao.notification.channel.SmsReceipt;
import cn.mubiao.notification.channel.SmsReceiptListener;
import cn.mubiao.notification.warning.application.DeliverNotices;
import cn.mubiao.notification.warning.application.SendWarnings;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import cn.mubiao.notification.warning.persistence.DeliveryStore.Delivery;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SmsReceiptsTest extends NotificationTestSupport {

    private static final String A = "410100-2007-A03@410102";

    @Autowired
    SendWarnings warnings;
    @Autowired
    DeliverNotices deliver;
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    SmsReceiptListener receipts;
    @Autowired
    MockMvc mvc;

    private void remind() {
        warnings.reportDue(new ReportDue(A, "410102", "中原区", 2007, "新增城镇固定资产投资", "200707",
                LocalDate.of(2007, 8, 5), 2), event(ReportDue.TYPE));
    }

    private Delivery smsTo(String phone) {
        return deliveries.find(Filters.and(Filters.eq("channel", "SMS"), Filters.eq("address", phone)), 10).getFirst();
    }

    private static SmsReceipt receipt(String messageId, String state, String error) {
        return new SmsReceipt(messageId, state, error, START.plusSeconds(5));
    }

    private List<String> outboxTypes(String deliveryId) {
        Document d = db.getCollection("deliveries").find(Filters.eq("_id", deliveryId)).first();
        return d.getList("outbox", Document.class, List.of()).stream().map(e -> e.getString("type")).toList();
    }

    @Test
    void theSmscsReceiptMarksTheSmsDeliveredToTheHandsetAndTheApiShowsIt() throws Exception {
        remind();
        Delivery sent = smsTo("13800001003");
        assertThat(sent.handset()).isNull();

        receipts.received(receipt(sent.providerId(), "DELIVRD", "000"));

        assertThat(smsTo("13800001003").handset()).isEqualTo("DELIVERED");
        mvc.perform(get("/api/notifications/deliveries?status=SENT").with(Tokens.user("410102", "county", "reporter")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.channel == 'SMS')].handset").value("DELIVERED"))
                .andExpect(jsonPath("$[?(@.channel == 'SMS')].receipts[0].state").value("DELIVRD"));
    }

    @Test
    void aReceiptThatArrivesBeforeTheSendIsRecordedStillReachesItsDelivery() {
        receipts.received(receipt("provider-1", "DELIVRD", "000"));

        remind();

        Delivery sent = smsTo("13800001003");
        assertThat(sent.providerId()).isEqualTo("provider-1");
        assertThat(sent.handset()).isEqualTo("DELIVERED");
        assertThat(sent.receipts()).extracting(SmsReceipt::state).containsExactly("DELIVRD");
    }

    @Test
    void aLongSmsIsDeliveredOnlyOnceEveryPartHasItsReceipt() {
        when(sms.send(anyString(), any(), anyString())).thenReturn("m-1,m-2");
        remind();
        Delivery sent = smsTo("13800001003");

        receipts.received(receipt("m-2", "DELIVRD", "000"));
        assertThat(smsTo("13800001003").handset()).isNull();
        receipts.received(receipt("m-1", "ENROUTE", "000"));
        assertThat(smsTo("13800001003").handset()).as("ENROUTE is not a final state").isNull();
        receipts.received(receipt("m-1", "DELIVRD", "000"));

        assertThat(smsTo("13800001003").handset()).isEqualTo("DELIVERED");
        assertThat(outboxTypes(sent.id())).containsExactly("mubiao.notification.WarningDelivered.v1");
    }

    @Test
    void anUndeliverableSmsPublishesDeliveryFailedOnceAndIsNotSentAgain() {
        remind();
        Delivery sent = smsTo("13800001003");

        receipts.received(receipt(sent.providerId(), "UNDELIV", "001"));
        receipts.received(receipt(sent.providerId(), "UNDELIV", "001"));
        CLOCK.advance(Duration.ofDays(1));
        deliver.attemptDue();

        Delivery after = smsTo("13800001003");
        assertThat(after.handset()).isEqualTo("UNDELIVERED");
        assertThat(after.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(outboxTypes(sent.id())).containsExactly("mubiao.notification.WarningDelivered.v1",
                "mubiao.notification.DeliveryFailed.v1");
        Document failed = db.getCollection("deliveries").find(Filters.eq("_id", sent.id())).first()
                .getList("outbox", Document.class).get(1);
        assertThat(failed.getString("data")).contains("\"reason\":\"UNDELIVERED\"").contains("UNDELIV (err 001)");
        assertThat(sentSms.addresses()).containsExactly("13800001003");
    }

    @Test
    void aReceiptForAMessageNobodySentIsKeptAndHarmsNothing() {
        receipts.received(receipt("unknown-1", "DELIVRD", "000"));

        assertThat(db.getCollection("sms-parts").find(Filters.eq("_id", "unknown-1")).first()).isNotNull();
        assertThat(db.getCollection("deliveries").countDocuments()).isZero();
    }
}
