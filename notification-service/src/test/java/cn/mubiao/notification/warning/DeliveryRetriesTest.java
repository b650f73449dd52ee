package cn.mubiao.notification.warning;

import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.kit.testing.Tokens;
import cn.mubiao.notification.channel.InvalidAddressException;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.application.DeliverNotices;
import cn.mubiao.notification.warning.application.SendWarnings;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import cn.mubiao.notification.warning.persistence.DeliveryStore.Delivery;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DeliveryRetriesTest extends NotificationTestSupport {

    private static final String A = "410100-2007-A03@410102";

    @Autowired
    SendWarnings warnings;
    @Autowired
    DeliverNotices deliver;
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    MockMvc mvc;

    private static ReportDue due() {
        return new ReportDue(A, "410102", "中原区", 2007, "新增城镇固定资产投资", "200707", LocalDate.of(2007, 8, 5), 2);
    }

    private Delivery only(String channel) {
        return deliveries.find(Filters.eq("channel", channel), 10).getFirst();
    }

    @Test
    void aReminderReachesTheUnitsReportersOncePerChannelEvenWhenTheEventIsReplayed() {
        InboundEvent e = event(ReportDue.TYPE);

        warnings.reportDue(due(), e);
        warnings.reportDue(due(), e);

        assertThat(sentEmails.addresses()).containsExactly("zy-reporter@demo.mubiao.cn");
        assertThat(sentSms.addresses()).containsExactly("13800001003");
        assertThat(sentSms.sent.getFirst().text()).startsWith("【目标管理】提醒：");
    }

    @Test
    void anOverdueNoticeReachesTheReportersAndTheLeader() {
        warnings.reportOverdue(new ReportOverdue(A, "410102", "中原区", 2007, "新增城镇固定资产投资", "200707",
                LocalDate.of(2007, 8, 5), LocalDate.of(2007, 8, 6), 1), event(ReportOverdue.TYPE));

        assertThat(sentSms.addresses()).containsExactlyInAnyOrder("13800001003", "13800001013");
        assertThat(sentEmails.addresses()).containsExactlyInAnyOrder("zy-reporter@demo.mubiao.cn", "zy-leader@demo.mubiao.cn");
    }

    @Test
    void aFailedSendIsRecordedAndRetriedAfterItsBackoffNotBefore() {
        sentSms.failNext(new IllegalStateException("SMPP down"));

        warnings.reportDue(due(), event(ReportDue.TYPE));

        Delivery failed = only("SMS");
        assertThat(failed.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(failed.attemptLog()).singleElement().satisfies(a -> assertThat(a.error()).contains("SMPP down"));
        assertThat(failed.nextAttemptAt()).isEqualTo(START.plusSeconds(30));

        CLOCK.advance(Duration.ofSeconds(29));
        deliver.attemptDue();
        assertThat(sentSms.sent).isEmpty();

        CLOCK.advance(Duration.ofSeconds(1));
        deliver.attemptDue();
        assertThat(sentSms.sent).singleElement().satisfies(s -> assertThat(s.at()).isEqualTo(START.plusSeconds(30)));
        assertThat(only("SMS").status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(only("SMS").attempts()).isEqualTo(2);
        assertThat(only("SMS").attemptLog()).extracting(a -> a.outcome().name()).containsExactly("FAILED", "SENT");
    }

    @Test
    void theBackoffGrowsAndAfterTheLastAttemptTheDeliveryIsDeadAndListedAsSuch() throws Exception {
        sentSms.failNext(new IllegalStateException("1"), new IllegalStateException("2"), new IllegalStateException("3"));

        warnings.reportDue(due(), event(ReportDue.TYPE));
        CLOCK.advance(Duration.ofSeconds(30));
        deliver.attemptDue();
        assertThat(only("SMS").nextAttemptAt()).isEqualTo(CLOCK.instant().plusSeconds(60));
        CLOCK.advance(Duration.ofSeconds(60));
        deliver.attemptDue();

        Delivery dead = only("SMS");
        assertThat(dead.status()).isEqualTo(DeliveryStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        assertThat(dead.nextAttemptAt()).isNull();
        CLOCK.advance(Duration.ofDays(1));
        assertThat(deliver.attemptDue()).isZero();
        mvc.perform(get("/api/notifications/deliveries?status=DEAD").with(Tokens.user("410100", "city", "target-office")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].channel").value("SMS")).andExpect(jsonPath("$[0].attemptLog.length()").value(3));
    }

    @Test
    void theTargetOfficeResendsADeadDeliveryOnceAndASecondResendIsRefused() throws Exception {
        sentSms.failNext(new IllegalStateException("1"), new IllegalStateException("2"), new IllegalStateException("3"));
        warnings.reportDue(due(), event(ReportDue.TYPE));
        CLOCK.advance(Duration.ofMinutes(1));
        deliver.attemptDue();
        CLOCK.advance(Duration.ofMinutes(2));
        deliver.attemptDue();
        String id = only("SMS").id();

        mvc.perform(post("/api/notifications/deliveries/{id}/resend", id).with(Tokens.user("410100", "city", "target-office")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SENT"));
        mvc.perform(post("/api/notifications/deliveries/{id}/resend", id).with(Tokens.user("410100", "city", "target-office")))
                .andExpect(status().isConflict());

        assertThat(sentSms.sent).hasSize(1);
        assertThat(only("SMS").attemptLog()).extracting(a -> a.outcome().name())
                .containsExactly("FAILED", "FAILED", "FAILED", "RESEND_REQUESTED", "SENT");
    }

    @Test
    void resendIsTheCoveringTargetOfficesOthersInScopeAre403AndOthersSeeNothing() throws Exception {
        sentSms.failNext(new InvalidAddressException("refused", null));
        warnings.reportDue(due(), event(ReportDue.TYPE));
        String id = only("SMS").id();

        mvc.perform(post("/api/notifications/deliveries/{id}/resend", id).with(Tokens.user("410102", "county", "reporter")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notifications/deliveries/{id}/resend", id).with(Tokens.user("410100", "city", "auditor")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/notifications/deliveries/{id}/resend", id).with(Tokens.user("410105", "county", "target-office")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/notifications/deliveries/{id}/resend", id).with(Tokens.user("410100-FGW", "department", "target-office")))
                .andExpect(status().isNotFound());
        assertThat(only("SMS").status()).isEqualTo(DeliveryStatus.INVALID_ADDRESS);
    }

    @Test
    void anInvalidNumberIsReportedAndNeverTriedWhileTheEmailGoes() throws Exception {
        when(recipients.ofUnit("410102")).thenReturn(List.of(new Recipient("zy-reporter", "张伟",
                "zy-reporter@demo.mubiao.cn", "1380000", Set.of("reporter"))));

        warnings.reportDue(due(), event(ReportDue.TYPE));
        CLOCK.advance(Duration.ofDays(1));
        deliver.attemptDue();

        assertThat(sentSms.sent).isEmpty();
        assertThat(sentEmails.sent).hasSize(1);
        assertThat(only("SMS").status()).isEqualTo(DeliveryStatus.INVALID_ADDRESS);
        assertThat(only("SMS").attemptLog()).singleElement().satisfies(a -> assertThat(a.error()).contains("1380000"));
        mvc.perform(get("/api/notifications/deliveries?status=INVALID_ADDRESS").with(Tokens.user("410102", "county", "reporter")))
                .andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void anAddressTheProviderRefusesIsNotRetriedAndAResendGoesToTheCorrectedAddress() throws Exception {
        sentSms.failNext(new InvalidAddressException("ESME_RINVDSTADR", null));
        warnings.reportDue(due(), event(ReportDue.TYPE));
        assertThat(only("SMS").status()).isEqualTo(DeliveryStatus.INVALID_ADDRESS);

        when(recipients.ofUnit("410102")).thenReturn(List.of(new Recipient("zy-reporter", "张伟",
                "zy-reporter@demo.mubiao.cn", "13900001003", Set.of("reporter"))));
        mvc.perform(post("/api/notifications/deliveries/{id}/resend", only("SMS").id())
                        .with(Tokens.user("410100", "city", "target-office")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.address").value("13900001003"));

        assertThat(sentSms.addresses()).containsExactly("13900001003");
    }

    @Test
    void aDeliveryGivenUpAfterItsLastAttemptPublishesDeliveryFailedOnceAndARetryPublishesNothing() {
        sentSms.failNext(new IllegalStateException("1"), new IllegalStateException("2"), new IllegalStateException("3 SMSC down"));
        warnings.reportDue(due(), event(ReportDue.TYPE));
        assertThat(outbox(only("SMS").id())).isEmpty();

        CLOCK.advance(Duration.ofMinutes(1));
        deliver.attemptDue();
        CLOCK.advance(Duration.ofMinutes(2));
        deliver.attemptDue();
        deliver.attemptDue();

        assertThat(outbox(only("SMS").id())).singleElement().satisfies(e -> {
            assertThat(e.getString("type")).isEqualTo("mubiao.notification.DeliveryFailed.v1");
            assertThat(e.getString("subject")).isEqualTo(A);
            assertThat(e.getString("data")).contains("\"reason\":\"DEAD\"").contains("\"attempts\":3")
                    .contains("3 SMSC down").contains("\"recipient\":\"zy-reporter\"");
        });
        assertThat(outbox(only("EMAIL").id())).extracting(e -> e.getString("type"))
                .containsExactly("mubiao.notification.WarningDelivered.v1");
    }

    @Test
    void anAddressTheProviderRefusesPublishesDeliveryFailedWithThatReason() {
        sentSms.failNext(new InvalidAddressException("the SMSC refused the destination 13800001003", null));

        warnings.reportDue(due(), event(ReportDue.TYPE));

        assertThat(outbox(only("SMS").id())).singleElement().satisfies(e ->
                assertThat(e.getString("data")).contains("\"reason\":\"INVALID_ADDRESS\"").contains("refused the destination"));
    }

    private List<org.bson.Document> outbox(String deliveryId) {
        org.bson.Document d = db.getCollection("deliveries").find(Filters.eq("_id", deliveryId)).first();
        return d == null ? List.of() : d.getList("outbox", org.bson.Document.class, List.of());
    }

    @Test
    void anUnknownStatusFilterIsA400Problem() throws Exception {
        mvc.perform(get("/api/notifications/deliveries?status=LOST").with(Tokens.user("410102", "county", "reporter")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
    }
}
