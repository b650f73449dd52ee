package cn.mubiao.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The devstack's small web console (JDK HTTP server, loopback only):
 * <ul>
 *   <li>{@code GET /} - zh-CN page listing received e-mail and SMS, newest first (refreshes every 5 s)</li>
 *   <li>{@code GET /health} - 200 with every part UP, else 503; JSON</li>
 *   <li>{@code GET /api/mail}, {@code GET /api/sms} - JSON arrays, oldest first; {@code DELETE} clears them</li>
 * </ul>
 */
final class ConsoleServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConsoleServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    static final String UP = "UP";

    private final int port;
    private final Inbox<ReceivedMail> mail;
    private final Inbox<ReceivedSms> sms;
    private final Supplier<Map<String, String>> health;
    private final InetAddress bindAddress;
    private final Supplier<Map<String, String>> endpoints;
    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param health    part name to status ({@code UP}, {@code DOWN} or {@code DISABLED}), in display order
     * @param endpoints part name to how to reach it, same keys as {@code health}
     */
    ConsoleServer(int port, Inbox<ReceivedMail> mail, Inbox<ReceivedSms> sms,
                  Supplier<Map<String, String>> health, Supplier<Map<String, String>> endpoints) {
        this(port, mail, sms, health, endpoints, InetAddress.getLoopbackAddress());
    }

    ConsoleServer(int port, Inbox<ReceivedMail> mail, Inbox<ReceivedSms> sms,
                  Supplier<Map<String, String>> health, Supplier<Map<String, String>> endpoints, InetAddress bindAddress) {
        this.bindAddress = bindAddress;
        this.port = port;
        this.mail = mail;
        this.sms = sms;
        this.health = health;
        this.endpoints = endpoints;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the console on port " + port, e);
        }
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info("Console on {}", url());
    }

    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        server = null;
        log.info("Console on port {} stopped", port);
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/", "/index.html" -> {
                    if (requireMethod(exchange, method, "GET")) {
                        send(exchange, 200, "text/html; charset=utf-8", page());
                    }
                }
                case "/health" -> {
                    if (requireMethod(exchange, method, "GET")) {
                        Map<String, String> parts = health.get();
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("status", overall(parts));
                        body.put("components", parts);
                        sendJson(exchange, UP.equals(body.get("status")) ? 200 : 503, body);
                    }
                }
                case "/api/mail" -> inboxEndpoint(exchange, method, mail, ConsoleServer::mailJson);
                case "/api/sms" -> inboxEndpoint(exchange, method, sms, ConsoleServer::smsJson);
                default -> sendJson(exchange, 404, Map.of("error", "not found: " + path));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("console request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private <T> void inboxEndpoint(HttpExchange exchange, String method, Inbox<T> inbox,
                                   Function<T, Map<String, Object>> toJson) throws IOException {
        switch (method) {
            case "GET" -> sendJson(exchange, 200, inbox.messages().stream().map(toJson).toList());
            case "DELETE" -> {
                inbox.clear();
                exchange.sendResponseHeaders(204, -1);
            }
            default -> {
                exchange.getResponseHeaders().set("Allow", "GET, DELETE");
                sendJson(exchange, 405, Map.of("error", "method not allowed: " + method));
            }
        }
    }

    private static boolean requireMethod(HttpExchange exchange, String method, String allowed) throws IOException {
        if (allowed.equals(method)) {
            return true;
        }
        exchange.getResponseHeaders().set("Allow", allowed);
        sendJson(exchange, 405, Map.of("error", "method not allowed: " + method));
        return false;
    }

    static String overall(Map<String, String> parts) {
        return parts.values().stream().allMatch(s -> UP.equals(s) || "DISABLED".equals(s)) ? UP : "DOWN";
    }

    static Map<String, Object> mailJson(ReceivedMail mail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("to", mail.to());
        json.put("from", mail.from());
        json.put("subject", mail.subject());
        json.put("body", mail.body());
        json.put("receivedAt", mail.receivedAt().toString());
        return json;
    }

    static Map<String, Object> smsJson(ReceivedSms sms) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("destination", sms.destination());
        json.put("source", sms.source());
        json.put("text", sms.text());
        json.put("parts", sms.parts());
        json.put("receivedAt", sms.receivedAt().toString());
        json.put("systemId", sms.systemId());
        return json;
    }

    private String page() {
        Map<String, String> parts = health.get();
        Map<String, String> where = endpoints.get();
        List<ReceivedMail> mails = new ArrayList<>(mail.messages());
        Collections.reverse(mails);
        List<ReceivedSms> texts = new ArrayList<>(sms.messages());
        Collections.reverse(texts);

        StringBuilder html = new StringBuilder(8_192);
        html.append("""
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta http-equiv="refresh" content="5">
                <title>目标管理平台 开发环境 · Mubiao devstack</title>
                <style>
                 body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;color:#222}
                 h1 small,h2 small,.en{color:#777;font-weight:normal;font-size:.8em}
                 table{border-collapse:collapse;width:100%;margin-bottom:2em}
                 th,td{border:1px solid #ddd;padding:.4em .6em;text-align:left;vertical-align:top}
                 th{background:#f4f6f8} td.body{white-space:pre-wrap}
                 .UP{color:#1a7f37;font-weight:bold}.DOWN{color:#c62828;font-weight:bold}.DISABLED{color:#777}
                 .empty{color:#777}
                </style>
                </head>
                <body>
                <h1>目标管理平台 · 开发环境控制台 <small>Mubiao devstack console</small></h1>
                <p>本页每 5 秒自动刷新，列出平台发出的邮件和短信（最新的在最前）。<br>
                <span class="en">Refreshes every 5 s; lists the e-mail and SMS the platform sent, newest first.</span></p>
                <h2>服务 <small>Services</small></h2>
                <table><tr><th>组件 <span class="en">Part</span></th><th>状态 <span class="en">Status</span></th>\
                <th>地址 <span class="en">Endpoint</span></th></tr>
                """);
        parts.forEach((name, status) -> html.append("<tr><td>").append(escape(name)).append("</td><td class=\"")
                .append(escape(status)).append("\">").append(escape(status)).append("</td><td>")
                .append(escape(where.getOrDefault(name, ""))).append("</td></tr>\n"));
        html.append("</table>\n");

        html.append("<h2>邮件 <small>E-mail</small> (").append(mails.size()).append(")</h2>\n");
        if (mails.isEmpty()) {
            html.append("<p class=\"empty\">暂无邮件 <span class=\"en\">No e-mail yet</span></p>\n");
        } else {
            html.append("<table><tr><th>时间 <span class=\"en\">Received</span></th>")
                    .append("<th>收件人 <span class=\"en\">To</span></th>")
                    .append("<th>发件人 <span class=\"en\">From</span></th>")
                    .append("<th>主题 <span class=\"en\">Subject</span></th>")
                    .append("<th>正文 <span class=\"en\">Body</span></th></tr>\n");
            for (ReceivedMail m : mails) {
                html.append("<tr><td>").append(time(m.receivedAt())).append("</td><td>")
                        .append(escape(String.join(", ", m.to()))).append("</td><td>").append(escape(m.from()))
                        .append("</td><td>").append(escape(m.subject())).append("</td><td class=\"body\">")
                        .append(escape(m.body())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }

        html.append("<h2>短信 <small>SMS</small> (").append(texts.size()).append(")</h2>\n");
        if (texts.isEmpty()) {
            html.append("<p class=\"empty\">暂无短信 <span class=\"en\">No SMS yet</span></p>\n");
        } else {
            html.append("<table><tr><th>时间 <span class=\"en\">Received</span></th>")
                    .append("<th>接收号码 <span class=\"en\">To</span></th>")
                    .append("<th>发送方 <span class=\"en\">From</span></th>")
                    .append("<th>内容 <span class=\"en\">Text</span></th>")
                    .append("<th>分段 <span class=\"en\">Parts</span></th></tr>\n");
            for (ReceivedSms s : texts) {
                html.append("<tr><td>").append(time(s.receivedAt())).append("</td><td>")
                        .append(escape(s.destination())).append("</td><td>").append(escape(s.source()))
                        .append("</td><td class=\"body\">").append(escape(s.text())).append("</td><td>")
                        .append(s.parts()).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("""
                <p class="en">JSON: <a href="/api/mail">/api/mail</a> · <a href="/api/sms">/api/sms</a> · \
                <a href="/health">/health</a> (DELETE /api/mail, /api/sms 清空 / clears)</p>
                </body>
                </html>
                """);
        return html.toString();
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
