package cn.mubiao.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ListInbox<ReceivedMail> mail = new ListInbox<>();
    private final ListInbox<ReceivedSms> sms = new ListInbox<>();
    private final Map<String, String> health = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ConsoleServer console;

    @BeforeEach
    void start() {
        health.put("kafka", "UP");
        health.put("keycloak", "DISABLED");
        console = new ConsoleServer(Ports.freePort(), mail, sms, () -> health,
                () -> Map.of("kafka", "localhost:9092", "keycloak", "disabled"));
        console.start();
    }

    @AfterEach
    void stop() {
        console.close();
        http.close();
    }

    @Test
    void healthIsUpWhenEveryEnabledPartIsUp() throws Exception {
        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        assertThat(body.path("components").path("kafka").asText()).isEqualTo("UP");
    }

    @Test
    void healthIs503WhenAPartIsDown() throws Exception {
        health.put("kafka", "DOWN");

        HttpResponse<String> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).path("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void mailAndSmsAreServedAsUtf8JsonOldestFirst() throws Exception {
        mail.add(new ReceivedMail(List.of("zy-leader@demo.mubiao.local"), "noreply@mubiao.local", "【预警】进度滞后",
                "请及时填报", Instant.parse("2026-07-01T01:00:00Z")));
        sms.add(new ReceivedSms("13800000011", "MUBIAO", "第一条", 1, Instant.parse("2026-07-01T01:00:00Z"), "esme"));
        sms.add(new ReceivedSms("13800000012", "MUBIAO", "第二条", 3, Instant.parse("2026-07-01T02:00:00Z"), "esme"));

        JsonNode mails = JSON.readTree(get("/api/mail").body());
        JsonNode texts = JSON.readTree(get("/api/sms").body());

        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).path("subject").asText()).isEqualTo("【预警】进度滞后");
        assertThat(mails.get(0).path("to").get(0).asText()).isEqualTo("zy-leader@demo.mubiao.local");
        assertThat(mails.get(0).path("receivedAt").asText()).isEqualTo("2026-07-01T01:00:00Z");
        assertThat(texts).hasSize(2);
        assertThat(texts.get(0).path("text").asText()).isEqualTo("第一条");
        assertThat(texts.get(1).path("parts").asInt()).isEqualTo(3);
        assertThat(texts.get(1).path("destination").asText()).isEqualTo("13800000012");
    }

    @Test
    void deleteClearsTheInbox() throws Exception {
        sms.add(new ReceivedSms("13800000011", "MUBIAO", "旧消息", 1, Instant.now(), "esme"));
        mail.add(new ReceivedMail(List.of("a@b"), "c@d", "旧邮件", "", Instant.now()));

        HttpResponse<String> deleteSms = send("DELETE", "/api/sms");
        HttpResponse<String> deleteMail = send("DELETE", "/api/mail");

        assertThat(deleteSms.statusCode()).isEqualTo(204);
        assertThat(deleteMail.statusCode()).isEqualTo(204);
        assertThat(sms.messages()).isEmpty();
        assertThat(mail.messages()).isEmpty();
    }

    @Test
    void pageListsMessagesNewestFirstInChineseWithEnglishBesideIt() throws Exception {
        sms.add(new ReceivedSms("13800000011", "MUBIAO", "较早的短信", 1, Instant.parse("2026-07-01T01:00:00Z"), "e"));
        sms.add(new ReceivedSms("13800000012", "MUBIAO", "最新的短信", 1, Instant.parse("2026-07-01T02:00:00Z"), "e"));
        mail.add(new ReceivedMail(List.of("x@y"), "noreply@mubiao.local", "<b>预警</b> & 提醒", "正文",
                Instant.parse("2026-07-01T01:30:00Z")));

        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        String page = response.body();
        assertThat(page).contains("<html lang=\"zh-CN\">", "开发环境控制台", "Mubiao devstack console",
                "邮件", "E-mail", "短信", "SMS");
        assertThat(page.indexOf("最新的短信")).isLessThan(page.indexOf("较早的短信"));
        assertThat(page).contains("&lt;b&gt;预警&lt;/b&gt; &amp; 提醒").doesNotContain("<b>预警</b>");
    }

    @Test
    void emptyInboxesSayNothingArrivedYet() throws Exception {
        assertThat(get("/").body()).contains("暂无邮件", "No e-mail yet", "暂无短信", "No SMS yet");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertThat(get("/nope").statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/sms").statusCode()).isEqualTo(405);
        assertThat(send("DELETE", "/health").statusCode()).isEqualTo(405);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path);
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(console.url() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static final class ListInbox<T> implements Inbox<T> {
        private final List<T> items = new ArrayList<>();

        synchronized void add(T item) {
            items.add(item);
        }

        @Override
        public synchronized List<T> messages() {
            return List.copyOf(items);
        }

        @Override
        public synchronized void clear() {
            items.clear();
        }
    }
}
