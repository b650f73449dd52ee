package cn.mubiao.system;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every warning arrives once when the SMTP server and the SMSC are down, slow or resetting connections, and when
 * notification-service is killed in the middle of sending; a malformed event goes to the dead-letter topic without
 * holding up the warnings behind it. The sinks are reached through {@link FaultyLink}s the test breaks.
 */
class NotificationFaultsIT {

    /** A lagging report warns zy-reporter and zy-leader, each by email and by SMS. */
    private static final int PEOPLE = 2;

    @BeforeAll
    static void platform() throws Exception {
        ReportFlowIT.use(Platform.embedded());
    }

    @AfterEach
    void healLinks() throws Exception {
        ReportFlowIT.platform.smtpLink.pass();
        ReportFlowIT.platform.smppLink.pass();
    }

    private static String laggingReport(String title) throws Exception {
        String reporter = ReportFlowIT.api.token("zy-reporter");
        String id = ReportFlowIT.assignedTarget(title, reporter);
        HttpResponse<String> accepted = ReportFlowIT.api.send("POST", "/api/progress/reports", reporter,
                Api.report(id, "200707", "5"), Map.of("Idempotency-Key", "fault-" + id));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        return id;
    }

    private static void assertEachWarningArrivedOnce(String title, Duration within) throws Exception {
        ReportFlowIT.awaitWarnings(title, PEOPLE, within);
        Thread.sleep(3_000); // time for a duplicate, if there were one
        assertThat(ReportFlowIT.mailAbout(title)).as("emails about " + title).hasSize(PEOPLE);
        assertThat(ReportFlowIT.smsAbout(title)).as("SMS about " + title).hasSize(PEOPLE);
    }

    /** The deliveries of an assignment as the target office sees them (status, attempts). */
    private static String deliveries(String assignmentId) throws Exception {
        return ReportFlowIT.api.get("/api/notifications/deliveries?assignmentId=" + assignmentId,
                ReportFlowIT.api.token("city-office")).body();
    }

    private static void awaitFailedAttempts(String assignmentId) throws Exception {
        HttpResponse<String> retrying = ReportFlowIT.api.until(
                // every delivery tried and failed at least once: four failures of the two emails alone (an SMS
                // whose first hand-over waits out its lease behind a resetting SMPP link) do not show the SMS errors
                r -> r.body().split("\"outcome\":\"FAILED\"").length > 4 && !r.body().contains("\"attempts\":0,"),
                Duration.ofSeconds(60),
                () -> ReportFlowIT.api.get("/api/notifications/deliveries?assignmentId=" + assignmentId,
                        ReportFlowIT.api.token("city-office")));
        assertThat(retrying.body()).as("each email and SMS failed at least once").contains("\"status\":\"RETRYING\"");
    }

    @Test
    void warningsRaisedWhileTheMailServerAndTheSmscAreDownArriveOnceWhenTheyAreBack() throws Exception {
        String title = "停机" + UUID.randomUUID().toString().substring(0, 6);
        ReportFlowIT.platform.smtpLink.down();
        ReportFlowIT.platform.smppLink.down();

        String id = laggingReport(title);
        awaitFailedAttempts(id);
        assertThat(ReportFlowIT.mailAbout(title)).isEmpty();
        assertThat(ReportFlowIT.smsAbout(title)).isEmpty();

        ReportFlowIT.platform.smtpLink.pass();
        ReportFlowIT.platform.smppLink.pass();
        assertEachWarningArrivedOnce(title, Duration.ofSeconds(90));
        assertThat(deliveries(id)).doesNotContain("\"status\":\"RETRYING\"").doesNotContain("\"status\":\"DEAD\"");
    }

    @Test
    void slowSinksGetEachWarningOnce() throws Exception {
        String title = "慢速" + UUID.randomUUID().toString().substring(0, 6);
        ReportFlowIT.platform.smtpLink.slow(300);
        ReportFlowIT.platform.smppLink.slow(300);

        laggingReport(title);

        assertEachWarningArrivedOnce(title, Duration.ofSeconds(90));
    }

    @Test
    void connectionsResetBySinksAreRetriedAndEachWarningArrivesOnce() throws Exception {
        String title = "重置" + UUID.randomUUID().toString().substring(0, 6);
        ReportFlowIT.platform.smtpLink.resetting();
        ReportFlowIT.platform.smppLink.resetting();

        String id = laggingReport(title);
        awaitFailedAttempts(id);
        assertThat(deliveries(id)).containsAnyOf("reset", "Connection", "closed", "bind");

        ReportFlowIT.platform.smtpLink.pass();
        ReportFlowIT.platform.smppLink.pass();
        assertEachWarningArrivedOnce(title, Duration.ofSeconds(90));
    }

    @Test
    void notificationServiceKilledInTheMiddleOfSendingSendsNoDuplicateAndLosesNothing() throws Exception {
        String title = "中断" + UUID.randomUUID().toString().substring(0, 6);
        FaultyLink smtp = ReportFlowIT.platform.smtpLink;
        ReportFlowIT.platform.smtpLink.slow(2_000);
        ReportFlowIT.platform.smppLink.slow(2_000);
        int before = smtp.connections();

        laggingReport(title);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (smtp.connections() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(smtp.connections()).as("a send has begun").isGreaterThan(before);
        Thread.sleep(1_000);
        assertThat(ReportFlowIT.mailAbout(title)).as("killed before any mail was through").isEmpty();
        ReportFlowIT.platform.crashAndRestart("notification-service");
        ReportFlowIT.platform.smtpLink.pass();
        ReportFlowIT.platform.smppLink.pass();

        // the cut-off sends wait out their lease (30 s here), then go again
        assertEachWarningArrivedOnce(title, Duration.ofSeconds(120));
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheWarningsBehindItStillArrive() throws Exception {
        String title = "坏事件" + UUID.randomUUID().toString().substring(0, 6);
        String reporter = ReportFlowIT.api.token("zy-reporter");
        String id = ReportFlowIT.assignedTarget(title, reporter);
        String badId = "malformed-" + UUID.randomUUID();
        String bootstrap = ReportFlowIT.platform.stack.kafkaBootstrapServers();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            // the key of the assignment's own status events: the same partition, ahead of them
            ProducerRecord<String, byte[]> bad = new ProducerRecord<>("mubiao.scoring.events", id,
                    "{\"assignmentId\": [not json".getBytes(StandardCharsets.UTF_8));
            bad.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
            bad.headers().add("ce_id", badId.getBytes(StandardCharsets.UTF_8));
            bad.headers().add("ce_type", "mubiao.scoring.StatusChanged.v1".getBytes(StandardCharsets.UTF_8));
            bad.headers().add("ce_source", "/it/malformed".getBytes(StandardCharsets.UTF_8));
            bad.headers().add("ce_time", Instant.now().toString().getBytes(StandardCharsets.UTF_8));
            producer.send(bad).get();
        }

        HttpResponse<String> accepted = ReportFlowIT.api.send("POST", "/api/progress/reports", reporter,
                Api.report(id, "200707", "5"), Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);

        assertEachWarningArrivedOnce(title, Duration.ofSeconds(60));
        assertThat(deadLetters(bootstrap, badId)).as("the malformed StatusChanged in mubiao.scoring.events.DLT")
                .isNotEmpty().allSatisfy(r -> assertThat(new String(r.headers().lastHeader("dlt_error").value(),
                        StandardCharsets.UTF_8)).contains("unreadable"));
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(String bootstrap, String eventId) throws Exception {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "it-dlt-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("mubiao.scoring.events.DLT"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    var h = r.headers().lastHeader("ce_id");
                    if (h != null && eventId.equals(new String(h.value(), StandardCharsets.UTF_8))) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }
}
