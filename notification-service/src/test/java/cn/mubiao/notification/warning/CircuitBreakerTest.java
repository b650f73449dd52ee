package cn.mubiao.notification.warning;

import cn.mubiao.contracts.progress.ReportOverdue;
import cn.mubiao.notification.warning.application.DeliverNotices;
import cn.mubiao.notification.warning.application.SendWarnings;
import cn.mubiao.notification.warning.domain.AttemptOutcome;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = {"mubiao.notification.delivery.breaker-window=2",
        "mubiao.notification.delivery.breaker-open-for=1m"})
class CircuitBreakerTest extends NotificationTestSupport {

    @Autowired
    SendWarnings warnings;
    @Autowired
    DeliverNotices deliver;
    @Autowired
    DeliveryStore deliveries;

    @Test
    void aFailingMailServerOpensOnlyTheEmailBreakerAndSkipsWhileOpenDoNotUseUpAttempts() {
        sentEmails.failNext(new IllegalStateException("SMTP down"), new IllegalStateException("SMTP down"));

        warnings.reportOverdue(new ReportOverdue("410100-2007-A03@410102", "410102", "中原区", 2007, "新增城镇固定资产投资",
                "200707", LocalDate.of(2007, 8, 5), LocalDate.of(2007, 8, 6), 1), event(ReportOverdue.TYPE));
        assertThat(sentSms.sent).hasSize(2);

        CLOCK.advance(Duration.ofSeconds(30));
        deliver.attemptDue();
        assertThat(deliveries.find(Filters.eq("channel", "EMAIL"), 10)).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.RETRYING);
            assertThat(d.attemptLog()).extracting(a -> a.outcome()).containsExactly(AttemptOutcome.FAILED, AttemptOutcome.CIRCUIT_OPEN);
            assertThat(d.attempts()).isEqualTo(1);
        });

        CLOCK.advance(Duration.ofMinutes(1));
        deliver.attemptDue();
        assertThat(sentEmails.sent).hasSize(2);
        assertThat(deliveries.find(Filters.eq("channel", "EMAIL"), 10)).extracting(d -> d.status())
                .containsOnly(DeliveryStatus.SENT);
    }
}
