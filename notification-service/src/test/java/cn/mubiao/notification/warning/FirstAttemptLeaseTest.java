package cn.mubiao.notification.warning;

import cn.mubiao.notification.warning.application.DeliverNotices;
import cn.mubiao.notification.warning.domain.Channel;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.domain.TriggerKind;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import cn.mubiao.notification.warning.persistence.DeliveryStore.NewDelivery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery due at once is created leased to the worker it is handed to (its first attempt needs no lease of its
 * own). When that attempt never runs (the process died with it queued), the sweep takes the delivery up once the
 * lease has run out, and the late hand-over can then no longer take it: it goes out once.
 */
class FirstAttemptLeaseTest extends NotificationTestSupport {

    private static final Duration LEASE = Duration.ofMinutes(2);

    @Autowired
    DeliverNotices deliver;
    @Autowired
    DeliveryStore deliveries;

    private NewDelivery handedOver(String id, Instant heldUntil) {
        return new NewDelivery(id, "evt-lease", "test", TriggerKind.REMINDER, "A", "200707", "410102", "zy-reporter",
                Channel.EMAIL, "zy-reporter@demo.mubiao.cn", "提醒", "请报送", null, DeliveryStatus.PENDING, null, heldUntil);
    }

    @Test
    void aDeliveryWhoseHandOverNeverRanIsSentByTheSweepOnceItsLeaseRunsOutAndOnlyOnce() {
        Instant heldUntil = START.plus(LEASE);
        assertThat(deliveries.create(List.of(handedOver("d-lost", heldUntil)), START)).containsExactly("d-lost");

        CLOCK.advance(LEASE.minusSeconds(1));
        assertThat(deliver.attemptDue()).as("still held by its hand-over").isZero();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(deliver.attemptDue()).isEqualTo(1);
        assertThat(deliveries.relet("d-lost", heldUntil, CLOCK.instant().plus(LEASE))).as("the late hand-over").isEmpty();

        assertThat(sentEmails.addresses()).containsExactly("zy-reporter@demo.mubiao.cn");
        assertThat(deliveries.get("d-lost").orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void aHandOverRefusedByBusyWorkersLeavesTheDeliveryDueForTheSweepAtOnce() {
        Instant heldUntil = START.plus(LEASE);
        deliveries.create(List.of(handedOver("d-refused", heldUntil)), START);

        deliveries.release("d-refused", heldUntil, START);

        assertThat(deliver.attemptDue()).isEqualTo(1);
        assertThat(sentEmails.addresses()).containsExactly("zy-reporter@demo.mubiao.cn");
    }

    @Test
    void aReplayedDeliveryIsNotCreatedAgainBesideNewOnes() {
        Instant heldUntil = START.plus(LEASE);
        deliveries.create(List.of(handedOver("d-1", heldUntil)), START);

        assertThat(deliveries.create(List.of(handedOver("d-1", heldUntil), handedOver("d-2", heldUntil)), START))
                .containsExactly("d-2");
    }
}
