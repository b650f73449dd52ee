package cn.mubiao.notification.bulletin.application;

import cn.mubiao.contracts.LagStatus;
import cn.mubiao.contracts.scoring.StatusChanged;
import cn.mubiao.kit.events.EventHandler;
import cn.mubiao.kit.events.InboundEvent;
import cn.mubiao.notification.bulletin.domain.BulletinPeriod;
import cn.mubiao.notification.bulletin.persistence.BulletinStore;
import cn.mubiao.notification.bulletin.persistence.StatusBoard;
import cn.mubiao.notification.channel.Enclosure;
import cn.mubiao.notification.recipient.Recipient;
import cn.mubiao.notification.warning.NotificationTestSupport;
import cn.mubiao.notification.warning.application.DeliverNotices;
import cn.mubiao.notification.warning.domain.DeliveryStatus;
import cn.mubiao.notification.warning.domain.TriggerKind;
import cn.mubiao.notification.warning.persistence.DeliveryStore;
import cn.mubiao.notification.warning.persistence.DeliveryStore.Delivery;
import com.mongodb.client.model.Filters;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

/**
 * The monthly and quarterly bulletins (定期通报) of 郑州市 410100 going out on their schedule: to the city's target office
 * and leaders and the leaders of each unit listed, by email with the table and the PDF, once.
 */
class BulletinDeliveryTest extends NotificationTestSupport {

    private static final Recipient CITY_OFFICE = new Recipient("city-office", "赵敏", "city-office@demo.mubiao.cn",
            "13800001001", Set.of("city", "target-office"));
    private static final Recipient CITY_LEADER = new Recipient("city-leader", "孙强", "city-leader@demo.mubiao.cn",
            "13800001011", Set.of("city", "leader"));
    private static final Recipient CITY_REPORTER = new Recipient("city-reporter", "周洁", "city-reporter@demo.mubiao.cn",
            "13800001021", Set.of("city", "reporter"));
    private static final Recipient JS_LEADER = new Recipient("jsq-leader", "李华", "jsq-leader@demo.mubiao.cn",
            "13800001015", Set.of("leader"));
    /** 10 August 2007, 09:00 in Shanghai: July's bulletin is due. */
    private static final Instant AUGUST_10 = Instant.parse("2007-08-10T01:00:00Z");
    private static final AtomicInteger ids = new AtomicInteger();

    @Autowired
    BulletinSchedule schedule;
    @Autowired
    IssueBulletins bulletins;
    @Autowired
    EventHandler<StatusChanged> statusChanged;
    @Autowired
    DeliveryStore deliveries;
    @Autowired
    DeliverNotices deliver;

    record Mail(String to, String subject, String text, Enclosure enclosure) {
    }

    private final List<Mail> mails = new ArrayList<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();

    @BeforeEach
    void cityAndStatuses() {
        db.getCollection(StatusBoard.COLLECTION).deleteMany(new Document());
        db.getCollection(BulletinStore.COLLECTION).deleteMany(new Document());
        when(recipients.ofUnit("410100")).thenReturn(List.of(CITY_OFFICE, CITY_LEADER, CITY_REPORTER));
        when(recipients.ofUnit("410105")).thenReturn(List.of(JS_LEADER));
        when(email.send(anyString(), any(), anyString(), any(Enclosure.class))).thenAnswer(i -> {
            RuntimeException e = failures.poll();
            if (e != null) {
                throw e;
            }
            mails.add(new Mail(i.getArgument(0), i.getArgument(1), i.getArgument(2), i.getArgument(3)));
            return "mail-" + mails.size();
        });
        status("410102", "中原区", "A03", "新增城镇固定资产投资", "200707", LagStatus.SERIOUSLY_LAGGING, "0.475", "10.8333");
        status("410102", "中原区", "A01", "地区生产总值增长", "200707", LagStatus.ON_TRACK, "0.609", "-2.5667");
        status("410105", "金水区", "A04", "社会消费品零售总额", "200707", LagStatus.LAGGING, "0.55", "3.3333");
        sentEmails.sent.clear();
        sentSms.sent.clear();
        mails.clear();
        db.getCollection(DeliveryStore.COLLECTION).deleteMany(new Document());   // the warnings of those statuses
    }

    private void status(String unit, String name, String code, String title, String period, LagStatus to,
                        String completion, String gap) {
        StatusChanged e = new StatusChanged("410100-2007-" + code + "@" + unit, unit, name, code, title, period, null, to,
                new BigDecimal("0.58333"), new BigDecimal(completion), new BigDecimal(gap), new BigDecimal("95"),
                new BigDecimal("200"), "亿元", "原因");
        statusChanged.handle(e, new InboundEvent("s-" + ids.incrementAndGet(), StatusChanged.TYPE, "/test", "a",
                CLOCK.instant().plusMillis(ids.get()), "{}", "t", 0, ids.get()));
    }

    private List<Delivery> bulletinDeliveries() {
        return deliveries.find(Filters.eq("kind", TriggerKind.BULLETIN.name()), 100);
    }

    @Test
    void theMonthlyBulletinGoesToTheCitysTargetOfficeAndLeadersAndEachUnitsLeadersByEmail() throws IOException {
        CLOCK.set(AUGUST_10);

        assertThat(schedule.runOnce()).isEqualTo(1);

        assertThat(mails).extracting(Mail::to).containsExactlyInAnyOrder("city-office@demo.mubiao.cn",
                "city-leader@demo.mubiao.cn", "zy-leader@demo.mubiao.cn", "jsq-leader@demo.mubiao.cn");
        assertThat(sentSms.sent).as("bulletins go by email only").isEmpty();
        assertThat(sentEmails.sent).as("never as a plain-text email").isEmpty();
        Mail m = mails.getFirst();
        assertThat(m.subject()).isEqualTo("【目标进度通报】410100 2007年7月目标进度通报：红1 黄1 绿1");
        assertThat(m.text()).contains("合计 3 项目标", "- 中原区：红1 黄0 绿1", "- 金水区：红0 黄1 绿0");
        assertThat(m.enclosure().html()).contains("<table", "中原区", "新增城镇固定资产投资", "红色·严重滞后", "47.5%");
        assertThat(m.enclosure().attachmentName()).isEqualTo("bulletin-410100-200707.pdf");
        assertThat(m.enclosure().attachmentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(m.enclosure().attachment())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("中原区", "金水区", "社会消费品零售总额");
        }
        assertThat(bulletinDeliveries()).hasSize(4).allSatisfy(d -> {
            assertThat(d.sourceEventId()).isEqualTo("bulletin:410100:200707");
            assertThat(d.trigger()).isEqualTo(IssueBulletins.TRIGGER_TYPE);
            assertThat(d.period()).isEqualTo("200707");
            assertThat(d.assignmentId()).isNull();
            assertThat(d.enclosure()).isEqualTo("bulletin:410100:200707");
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
        });
        assertThat(bulletinDeliveries()).filteredOn(d -> d.recipient().equals("zy-leader")).singleElement()
                .extracting(Delivery::unitCode).as("a unit's leader's delivery is the unit's").isEqualTo("410102");
    }

    @Test
    void theBulletinGoesOutOnceEvenWhenTheScheduleRunsTwice() {
        CLOCK.set(AUGUST_10);

        schedule.runOnce();
        CLOCK.advance(Duration.ofHours(1));
        status("410102", "中原区", "A05", "新目标", "200707", LagStatus.ON_TRACK, "0.7", "-5");
        int second = schedule.runOnce();
        bulletins.issue("410100", BulletinPeriod.parse("200707").orElseThrow());

        assertThat(second).isZero();
        assertThat(mails).extracting(Mail::to).doesNotHaveDuplicates().hasSize(4);
        assertThat(bulletinDeliveries()).hasSize(4);
    }

    @Test
    void noBulletinGoesOutBeforeItsDay() {
        CLOCK.set(Instant.parse("2007-08-09T15:00:00Z"));   // 9 August, 23:00 in Shanghai

        assertThat(schedule.runOnce()).isZero();

        assertThat(mails).isEmpty();
        assertThat(bulletinDeliveries()).isEmpty();
    }

    @Test
    void aRetriedEmailCarriesTheBulletinAsIssuedNotAsItIsNow() {
        CLOCK.set(AUGUST_10);
        failures.add(new IllegalStateException("SMTP down"));

        schedule.runOnce();
        status("410102", "中原区", "A03", "新增城镇固定资产投资", "200707", LagStatus.ON_TRACK, "0.6", "-1.7");
        CLOCK.advance(Duration.ofMinutes(1));
        deliver.attemptDue();

        assertThat(mails).hasSize(4);
        assertThat(mails).allSatisfy(m -> {
            assertThat(m.subject()).endsWith("红1 黄1 绿1");
            assertThat(m.enclosure().html()).contains("红色·严重滞后");
        });
        assertThat(bulletins.preview("410100", BulletinPeriod.parse("200707")
                .orElseThrow()).bulletin().totals().seriouslyLagging()).as("the preview shows the bulletin issued").isEqualTo(1);
    }

    @Test
    void theQuarterlyBulletinListsTheStatusesAtTheQuartersEnd() {
        status("410102", "中原区", "A03", "新增城镇固定资产投资", "200709", LagStatus.LAGGING, "0.70", "5");
        status("410102", "中原区", "Q01", "季度考核目标", "2007Q3", LagStatus.SERIOUSLY_LAGGING, "0.5", "25");
        CLOCK.set(Instant.parse("2007-10-10T01:00:00Z"));

        assertThat(schedule.runOnce()).as("September's and the third quarter's").isEqualTo(2);

        List<Mail> quarterly = mails.stream().filter(m -> m.subject().contains("第三季度")).toList();
        assertThat(quarterly).extracting(Mail::to).containsExactlyInAnyOrder("city-office@demo.mubiao.cn",
                "city-leader@demo.mubiao.cn", "zy-leader@demo.mubiao.cn");
        assertThat(quarterly.getFirst().subject()).endsWith("2007年第三季度目标进度通报：红1 黄1 绿0");
        assertThat(bulletinDeliveries()).extracting(Delivery::sourceEventId)
                .contains("bulletin:410100:200709", "bulletin:410100:2007Q3");
    }

    @Test
    void someoneWhoSwitchedBulletinEmailsOffGetsNone() {
        db.getCollection("preferences").insertOne(new Document("_id", "city-leader")
                .append("off", new Document("BULLETIN", List.of("EMAIL"))));
        CLOCK.set(AUGUST_10);

        schedule.runOnce();

        assertThat(mails).extracting(Mail::to).doesNotContain("city-leader@demo.mubiao.cn").hasSize(3);
        assertThat(bulletinDeliveries()).filteredOn(d -> d.recipient().equals("city-leader")).singleElement()
                .extracting(Delivery::status).isEqualTo(DeliveryStatus.OPTED_OUT);
    }
}
