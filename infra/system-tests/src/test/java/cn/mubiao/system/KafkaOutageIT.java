package cn.mubiao.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Nothing accepted is lost: not when Kafka is down, not when a service is killed right after answering. */
class KafkaOutageIT {

    @BeforeAll
    static void platform() throws Exception {
        ReportFlowIT.use(Platform.embedded());
    }

    @Test
    void aReportAcceptedWhileKafkaIsDownIsPublishedAndWarnsOnceKafkaIsBack() throws Exception {
        String title = "断网" + UUID.randomUUID().toString().substring(0, 6);
        String reporter = ReportFlowIT.api.token("zy-reporter");
        String id = ReportFlowIT.assignedTarget(title, reporter);

        ReportFlowIT.platform.stack.stopKafka();
        HttpResponse<String> accepted;
        try {
            accepted = ReportFlowIT.api.send("POST", "/api/progress/reports", reporter, Api.report(id, "200707", "4"), Map.of());
        } finally {
            ReportFlowIT.platform.stack.startKafka();
        }
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);

        ReportFlowIT.awaitWarnings(title, 2, Duration.ofSeconds(120));
        assertThat(ReportFlowIT.mailAbout(title)).hasSize(2);
        assertThat(ReportFlowIT.smsAbout(title)).hasSize(2);
    }

    @Test
    void aReportAnsweredJustBeforeProgressServiceIsKilledStillWarns() throws Exception {
        String title = "宕机" + UUID.randomUUID().toString().substring(0, 6);
        String reporter = ReportFlowIT.api.token("zy-reporter");
        String id = ReportFlowIT.assignedTarget(title, reporter);

        HttpResponse<String> accepted = ReportFlowIT.api.send("POST", "/api/progress/reports", reporter,
                Api.report(id, "200707", "4"), Map.of("Idempotency-Key", "kill-" + id));
        ReportFlowIT.platform.crashAndRestart("progress-service");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);

        ReportFlowIT.awaitWarnings(title, 2, Duration.ofSeconds(120));
        Thread.sleep(2_000);
        assertThat(ReportFlowIT.mailAbout(title)).hasSize(2);
        assertThat(ReportFlowIT.smsAbout(title)).hasSize(2);
        HttpResponse<String> replay = ReportFlowIT.api.send("POST", "/api/progress/reports", reporter,
                Api.report(id, "200707", "4"), Map.of("Idempotency-Key", "kill-" + id));
        assertThat(replay.statusCode()).as("the report survived the crash").isEqualTo(200);
    }
}
