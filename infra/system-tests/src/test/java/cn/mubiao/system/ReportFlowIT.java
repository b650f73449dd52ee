package cn.mubiao.system;

import cn.mubiao.devstack.ReceivedMail;
import cn.mubiao.devstack.ReceivedSms;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One report flowing end to end through real parts: the target office assigns a target through the gateway
 * with a Keycloak token; a county reporter reports; progress-service stores the report and its event in one
 * write; the relay publishes it; scoring-service computes the lag and publishes StatusChanged;
 * notification-service looks the unit's people up in Keycloak and warns them by SMTP and SMPP, once.
 */
class ReportFlowIT {

    static Platform platform;
    static Api api;

    @BeforeAll
    static void platform() throws Exception {
        use(Platform.embedded());
    }

    static void use(Platform p) {
        platform = p;
        api = new Api(p);
    }

    /** Assigns a uniquely titled investment target to 中原区 and waits until progress-service knows it. */
    static String assignedTarget(String title, String reporterToken) throws Exception {
        String id = "IT-" + UUID.randomUUID() + "@410102";
        HttpResponse<String> put = api.send("PUT", "/api/targets/assignments/" + id, api.token("city-office"),
                Api.assignment(title, "410102", "中原区", "12"), Map.of());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
        HttpResponse<String> known = api.until(r -> r.statusCode() == 200, Duration.ofSeconds(60),
                () -> api.get("/api/progress/reports?assignmentId=" + id, reporterToken));
        assertThat(known.statusCode()).as("progress-service learned the assignment from TargetAssigned").isEqualTo(200);
        return id;
    }

    static List<ReceivedMail> mailAbout(String title) {
        return platform.stack.mail().messages().stream().filter(m -> m.subject().contains(title)).toList();
    }

    static List<ReceivedSms> smsAbout(String title) {
        return platform.stack.sms().messages().stream().filter(m -> m.text().contains(title)).toList();
    }

    static void awaitWarnings(String title, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((mailAbout(title).size() < count || smsAbout(title).size() < count) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    @Test
    void aLaggingReportWarnsTheUnitsPeopleByEmailAndSmsExactlyOnce() throws Exception {
        String title = "固投" + UUID.randomUUID().toString().substring(0, 6);
        String reporter = api.token("zy-reporter");
        String id = assignedTarget(title, reporter);
        String key = "IT-" + UUID.randomUUID();

        // 5 of 12 亿元 by the end of July: 41.7 % done against a schedule of 58.3 %: 16.7 points behind, red
        HttpResponse<String> first = api.send("POST", "/api/progress/reports", reporter,
                Api.report(id, "200707", "5"), Map.of("Idempotency-Key", key));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);

        awaitWarnings(title, 2, Duration.ofSeconds(60));
        assertThat(mailAbout(title)).hasSize(2).allSatisfy(m -> {
            assertThat(m.subject()).isEqualTo("【目标预警·红色预警】中原区“" + title + "”2007年7月严重滞后");
            assertThat(m.body()).contains("完成率41.7%").contains("序时进度58.3%").contains("差距16.7个百分点");
        });
        assertThat(mailAbout(title)).flatExtracting(ReceivedMail::to)
                .containsExactlyInAnyOrder("zy-reporter@demo.mubiao.local", "zy-leader@demo.mubiao.local");
        assertThat(smsAbout(title)).hasSize(2).allSatisfy(s ->
                assertThat(s.text()).contains("中原区").contains("严重滞后").contains("完成41.7%"));
        assertThat(smsAbout(title)).extracting(ReceivedSms::destination)
                .containsExactlyInAnyOrder("13800000011", "13800000012");

        HttpResponse<String> replay = api.send("POST", "/api/progress/reports", reporter,
                Api.report(id, "200707", "5"), Map.of("Idempotency-Key", key));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());

        Thread.sleep(3_000); // time for any duplicate to travel the whole chain
        assertThat(mailAbout(title)).hasSize(2);
        assertThat(smsAbout(title)).hasSize(2);
        HttpResponse<String> reports = api.get("/api/progress/reports?assignmentId=" + id, reporter);
        assertThat(reports.body().split("\"id\"")).hasSize(2); // exactly one report

        HttpResponse<String> receipts = api.until(r -> r.body().split("\"handset\":\"DELIVERED\"").length == 3,
                Duration.ofSeconds(30), () -> api.get("/api/notifications/deliveries?assignmentId=" + id, api.token("zy-leader")));
        assertThat(receipts.body()).as("the SMSC's delivery receipt of each SMS is recorded")
                .contains("\"state\":\"DELIVRD\"").doesNotContain("UNDELIVERED");
        assertThat(receipts.body().split("\"handset\":\"DELIVERED\"")).hasSize(3);

        HttpResponse<String> status = api.get("/api/scoring/status?assignmentId=" + id, api.token("zy-leader"));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("SERIOUSLY_LAGGING").contains("严重滞后");
    }

    @Test
    void anOnTrackReportSendsNoWarning() throws Exception {
        String title = "固投" + UUID.randomUUID().toString().substring(0, 6);
        String reporter = api.token("zy-reporter");
        String id = assignedTarget(title, reporter);

        HttpResponse<String> r = api.send("POST", "/api/progress/reports", reporter, Api.report(id, "200707", "8"), Map.of());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);

        HttpResponse<String> status = api.until(x -> x.body().contains("ON_TRACK"), Duration.ofSeconds(60),
                () -> api.get("/api/scoring/status?assignmentId=" + id, reporter));
        assertThat(status.body()).contains("ON_TRACK");
        Thread.sleep(2_000);
        assertThat(mailAbout(title)).isEmpty();
        assertThat(smsAbout(title)).isEmpty();
    }

    @Test
    void theGatewayRefusesMissingAndForgedTokensWithProblemDetails() throws Exception {
        HttpResponse<String> none = api.get("/api/progress/reports?assignmentId=x", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("problem+json"));

        String forged = api.token("zy-reporter");
        forged = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA";
        assertThat(api.get("/api/progress/reports?assignmentId=x", forged).statusCode()).isEqualTo(401);
    }

    @Test
    void badInputGetsA4xxProblemNamingTheFieldThroughTheGateway() throws Exception {
        String reporter = api.token("zy-reporter");

        HttpResponse<String> negative = api.send("POST", "/api/progress/reports", reporter,
                Api.report("whatever", "200707", "-3"), Map.of());
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("\"field\":\"cumulativeActual\"");

        HttpResponse<String> wrongRole = api.send("POST", "/api/progress/reports", api.token("zy-leader"),
                Api.report("whatever", "200707", "3"), Map.of());
        assertThat(wrongRole.statusCode()).isEqualTo(403);

        HttpResponse<String> notOurs = api.send("POST", "/api/progress/reports", api.token("jsq-reporter"),
                Api.report("2007-A03@410102", "200707", "3"), Map.of());
        assertThat(notOurs.statusCode()).isEqualTo(404);
    }

    @Test
    void theDemoDataLoadsTwiceWithoutChangeAndItsIssuedPlanReachesProgress() throws Exception {
        var demo = new cn.mubiao.devstack.demo.DemoData(platform.gatewayUrl(), platform.stack.keycloakUrl());
        var first = demo.load();
        var again = demo.load();

        assertThat(again.units()).isEqualTo(first.units());
        assertThat(again.issuedNow()).as("an issued plan is left as it is").isFalse();
        assertThat(first.units()).isGreaterThan(40);
        String office = api.token("city-office");
        assertThat(api.get("/api/targets/plans/410100-2007", office).body()).contains("\"status\":\"ISSUED\"");
        HttpResponse<String> letters = api.get("/api/targets/plans/410100-2007/letters", office);
        assertThat(letters.body()).contains("\"unitCode\":\"410102\"").contains("\"totalScore\":100");
        HttpResponse<String> known = api.until(r -> r.statusCode() == 200, Duration.ofSeconds(60),
                () -> api.get("/api/progress/reports?assignmentId=410100-2007-A03@410102", api.token("zy-reporter")));
        assertThat(known.statusCode()).as("progress-service learned the demo assignment from TargetAssigned").isEqualTo(200);
        assertThat(again.reports()).isEqualTo(first.reports()).isEqualTo(12);
        String monitor = api.token("tjj-monitor");
        assertThat(api.get("/api/progress/reports/410100-2007-A03@410102:200705", monitor).body())
                .contains("\"effective\":{\"value\":5.02,\"source\":\"STATISTICS_BUREAU\"");
        assertThat(api.get("/api/progress/reports/410100-2007-A03@410105:200703", monitor).body())
                .contains("\"status\":\"RETURNED\"").contains("缺少项目台账佐证材料");
        HttpResponse<String> rollUp = api.get("/api/progress/rollup?assignmentId=410100-2007-A03@410100-FGW&period=200702", office);
        assertThat(rollUp.body()).as(rollUp.body()).contains("\"ownValue\":34").contains("\"children\":14")
                .contains("\"verifiedChildren\":1").contains("\"childrenTotal\":2.0");
        // the returned report's reporter is told, once, by email and SMS
        String notice = "【报告退回】金水区“新增城镇固定资产投资”2007年3月进度报告";
        String sms = "金水区“新增城镇固定资产投资”2007年3月进度报告被监控单位退回";
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((mailAbout(notice).isEmpty() || smsAbout(sms).isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);
        assertThat(mailAbout(notice)).hasSize(1)
                .allSatisfy(m -> assertThat(String.join(",", m.to())).contains("jsq-reporter@"));
        assertThat(smsAbout(sms)).hasSize(1);
    }
}
