package cn.mubiao.notification.warning;

import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.kit.testing.Tokens;
import cn.mubiao.notification.preference.domain.Preferences;
import cn.mubiao.notification.preference.domain.QuietHours;
import cn.mubiao.notification.preference.persistence.PreferenceStore;
import cn.mubiao.notification.warning.application.DeliverNotices;
import cn.mubiao.notification.warning.application.SendWarnings;
import cn.mubiao.notification.warning.domain.Channel;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.domain.TriggerKind;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PreferencesTest extends NotificationTestSupport {

    private static final String A = "410100-2007-A03@410102";

    @Autowired
    MockMvc mvc;
    @Autowired
    SendWarnings warnings;
    @Autowired
    DeliverNotices deliver;
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    PreferenceStore preferences;

    private static ReportOverdue overdue() {
        return new ReportOverdue(A, "410102", "中原区", 2007, "新增城镇固定资产投资", "200707",
                LocalDate.of(2007, 8, 5), LocalDate.of(2007, 8, 6), 1);
    }

    @Test
    void withoutPreferencesEverythingIsOnAndThereAreNoQuietHours() throws Exception {
        mvc.perform(get("/api/notifications/preferences").with(Tokens.user("410102", "county", "leader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channels.WARNING.email").value(true)).andExpect(jsonPath("$.channels.RETURNED.sms").value(true))
                .andExpect(jsonPath("$.quietHours").doesNotExist());
    }

    @Test
    void aPersonSetsTheirOwnPreferencesAndNobodyElsesChange() throws Exception {
        mvc.perform(put("/api/notifications/preferences").with(Tokens.user("410102", "county", "leader"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":{\"REMINDER\":{\"sms\":false}},\"quietHours\":{\"from\":\"22:00\",\"to\":\"07:30\"}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.channels.REMINDER.sms").value(false))
                .andExpect(jsonPath("$.quietHours.timeZone").value("Asia/Shanghai"));

        mvc.perform(get("/api/notifications/preferences").with(Tokens.user("410102", "county", "leader")))
                .andExpect(jsonPath("$.channels.REMINDER.sms").value(false)).andExpect(jsonPath("$.channels.REMINDER.email").value(true))
                .andExpect(jsonPath("$.quietHours.from").value("22:00"));
        mvc.perform(get("/api/notifications/preferences").with(Tokens.user("410105", "county", "reporter")))
                .andExpect(jsonPath("$.channels.REMINDER.sms").value(true)).andExpect(jsonPath("$.quietHours").doesNotExist());
    }

    @Test
    void switchingOffEveryChannelOfWarningsIsRefusedAndNothingIsStored() throws Exception {
        mvc.perform(put("/api/notifications/preferences").with(Tokens.user("410102", "county", "leader"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":{\"WARNING\":{\"email\":false,\"sms\":false},\"REMINDER\":{\"sms\":false}}}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("channels.WARNING"));

        assertThat(preferences.of("u-410102").allows(TriggerKind.REMINDER, Channel.SMS)).isTrue();
    }

    @Test
    void anEscalationMustKeepAChannelButAResultNoticeMaySwitchBothOff() throws Exception {
        mvc.perform(put("/api/notifications/preferences").with(Tokens.user("410100", "city", "leader"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":{\"ESCALATION\":{\"email\":false,\"sms\":false}}}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("channels.ESCALATION"))
                .andExpect(jsonPath("$.errors[0].reason", org.hamcrest.Matchers.startsWith("专题督导至少保留一个渠道")));
        mvc.perform(put("/api/notifications/preferences").with(Tokens.user("410100", "city", "leader"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":{\"ASSESSMENT\":{\"email\":false,\"sms\":false}}}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.channels.ASSESSMENT.sms").value(false));
    }

    @Test
    void malformedPreferencesAreA400NamingEachField() throws Exception {
        mvc.perform(put("/api/notifications/preferences").with(Tokens.user("410102", "county", "leader"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channels\":{\"GOSSIP\":{\"sms\":false}},\"quietHours\":{\"from\":\"25:00\",\"to\":\"07:30\",\"timeZone\":\"Mars/Olympus\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "channels.GOSSIP", "quietHours.from", "quietHours.timeZone")));
    }

    @Test
    void duringQuietHoursTheSmsIsHeldUntilTheWindowEndsWhileTheEmailGoesAtOnce() {
        preferences.put(new Preferences("zy-leader", Map.of(),
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 30), ZoneId.of("Asia/Shanghai"))));
        CLOCK.set(Instant.parse("2007-08-06T15:00:00Z")); // 23:00 in Shanghai

        warnings.reportOverdue(overdue(), event(ReportOverdue.TYPE));

        assertThat(sentEmails.addresses()).contains("zy-leader@demo.mubiao.cn");
        assertThat(sentSms.addresses()).containsExactly("13800001003");
        var held = deliveries.find(Filters.and(Filters.eq("recipient", "zy-leader"), Filters.eq("channel", "SMS")), 1).getFirst();
        assertThat(held.status()).isEqualTo(DeliveryStatus.HELD);
        assertThat(held.nextAttemptAt()).isEqualTo(Instant.parse("2007-08-06T23:30:00Z"));

        CLOCK.set(Instant.parse("2007-08-06T23:29:00Z"));
        deliver.attemptDue();
        assertThat(sentSms.addresses()).containsExactly("13800001003");

        CLOCK.set(Instant.parse("2007-08-06T23:30:00Z"));
        deliver.attemptDue();
        assertThat(sentSms.addresses()).containsExactly("13800001003", "13800001013");
    }

    @Test
    void aChannelSwitchedOffForAKindIsRecordedAsOptedOutAndNotSent() {
        preferences.put(new Preferences("zy-reporter", Map.of(TriggerKind.REMINDER, Set.of(Channel.SMS)), null));

        warnings.reportDue(new ReportDue(A, "410102", "中原区", 2007, "新增城镇固定资产投资", "200707",
                LocalDate.of(2007, 8, 5), 2), event(ReportDue.TYPE));

        assertThat(sentSms.sent).isEmpty();
        assertThat(sentEmails.addresses()).containsExactly("zy-reporter@demo.mubiao.cn");
        assertThat(deliveries.find(Filters.eq("channel", "SMS"), 1).getFirst().status()).isEqualTo(DeliveryStatus.OPTED_OUT);
    }
}
