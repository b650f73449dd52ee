package cn.mubiao.notification.warning;

import cn.mubiao.contracts.progress.ReportDue;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.application.SendWarnings;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/** With delivery workers, the event consumer hands attempts over and several go out at once, each still once. */
@TestPropertySource(properties = "mubiao.notification.delivery.workers=4")
class ParallelDeliveryTest extends NotificationTestSupport {

    @Autowired
    SendWarnings warnings;
    @Autowired
    DeliveryStore deliveries;

    @Test
    void slowSendsOfOneEventGoOutSideBySideAndEachOnlyOnce() throws Exception {
        List<Recipient> reporters = IntStream.rangeClosed(1, 8).mapToObj(i -> new Recipient("reporter-" + i, "填报员" + i,
                "reporter-" + i + "@demo.mubiao.cn", null, Set.of("reporter"))).toList();
        when(recipients.ofUnit("410102")).thenReturn(reporters);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<String> mailed = Collections.synchronizedList(new ArrayList<>());
        when(email.send(anyString(), any(), anyString())).thenAnswer(i -> {
            mostAtOnce.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(150); // an SMTP round trip or five
            inFlight.decrementAndGet();
            mailed.add(i.getArgument(0));
            return "m-" + i.getArgument(0);
        });

        long started = System.nanoTime();
        warnings.reportDue(new ReportDue("410100-2007-A03@410102", "410102", "中原区", 2007, "新增城镇固定资产投资",
                "200707", LocalDate.of(2007, 8, 5), 2), event(ReportDue.TYPE));
        long handedOver = System.nanoTime() - started;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (deliveries.find(Filters.eq("status", DeliveryStatus.SENT.name()), 100).size() < 8 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(Duration.ofNanos(handedOver)).as("the consumer does not wait for eight sends").isLessThan(Duration.ofMillis(8 * 150));
        assertThat(mailed).hasSize(8).doesNotHaveDuplicates();
        assertThat(mostAtOnce.get()).as("sends overlapped").isGreaterThan(1);
        assertThat(deliveries.find(Filters.eq("status", DeliveryStatus.SENT.name()), 100)).hasSize(8);
    }
}
