package cn.mubiao.notification.warning;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.notification.warning.application.SendWarnings;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FloodControlTest extends NotificationTestSupport {

    private static final String A = "410100-2007-A03@410102";

    @Autowired
    SendWarnings warnings;
    @Autowired
    DeliveryStore deliveries;

    private static StatusChanged status(String period, LagStatus from, LagStatus to) {
        return new StatusChanged(A, "410102", "中原区", "A03", "新增城镇固定资产投资", period, from, to,
                new BigDecimal("0.58333"), new BigDecimal("0.475"), new BigDecimal("10.8333"), new BigDecimal("95"),
                new BigDecimal("200"), "亿元", "完成47.5%，低于序时进度58.3%，差距10.8个百分点");
    }

    private void flap(String period, int times) {
        for (int i = 0; i < times; i++) {
            warnings.statusChanged(i % 2 == 0 ? status(period, LagStatus.LAGGING, LagStatus.SERIOUSLY_LAGGING)
                    : status(period, LagStatus.SERIOUSLY_LAGGING, LagStatus.LAGGING), event(StatusChanged.TYPE));
            CLOCK.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void aFloodOfStatusChangesForOneAssignmentAndPeriodYieldsOneMessagePerRecipientChannelAndStatus() {
        flap("200707", 20);

        // one red and one yellow each: DOMAIN.md §4, one warning per assignment, period and status
        assertThat(sentSms.addresses()).containsExactlyInAnyOrder("13800001003", "13800001013", "13800001003", "13800001013");
        assertThat(sentEmails.addresses()).containsExactlyInAnyOrder("zy-reporter@demo.mubiao.cn", "zy-leader@demo.mubiao.cn",
                "zy-reporter@demo.mubiao.cn", "zy-leader@demo.mubiao.cn");
        assertThat(deliveries.find(Filters.eq("status", DeliveryStatus.SUPPRESSED.name()), 500)).hasSize(18 * 4);
    }

    @Test
    void anotherPeriodIsNotPartOfTheFloodAndAfterTheWindowAWarningGoesAgain() {
        flap("200707", 3);
        flap("200708", 3);
        assertThat(sentSms.sent).as("a red and a yellow per period and recipient").hasSize(8);

        CLOCK.advance(Duration.ofHours(6));
        flap("200707", 1);

        assertThat(sentSms.sent).hasSize(10);
    }

    @Test
    void aReplayedWarningIsNeitherSentAgainNorCountedAsAFlood() {
        InboundEvent e = event(StatusChanged.TYPE);

        warnings.statusChanged(status("200707", LagStatus.ON_TRACK, LagStatus.LAGGING), e);
        warnings.statusChanged(status("200707", LagStatus.ON_TRACK, LagStatus.LAGGING), e);

        assertThat(sentSms.sent).hasSize(2);
        assertThat(deliveries.find(Filters.empty(), 50)).extracting(d -> d.status()).containsOnly(DeliveryStatus.SENT);
    }
}
