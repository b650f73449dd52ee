package cn.mubiao.system;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** The running platform as benchmarks in other packages see it. */
public final class PlatformAccess {

    private final Platform platform;
    private final Api api;

    private PlatformAccess(Platform platform) {
        this.platform = platform;
        this.api = new Api(platform);
    }

    public static PlatformAccess embedded() throws Exception {
        return new PlatformAccess(Platform.embedded());
    }

    /** The repository root (the folder with {@code ./mubiao}), where the services' jars are built. */
    public static java.nio.file.Path root() {
        return Platform.root();
    }

    /** A port free at this moment, for a service a benchmark starts on its own ({@link ServiceProcess}). */
    public static int freePort() throws java.io.IOException {
        return Platform.freePort();
    }

    public String token(String username) throws Exception {
        return api.token(username);
    }

    public String keycloakUrl() {
        return platform.stack.keycloakUrl();
    }

    public String gatewayUrl() {
        return platform.gatewayUrl();
    }

    public String serviceUrl(String name) {
        return platform.services.get(name).url();
    }

    /** Assigns a target of {@code year} titled {@code title} (12 亿元 by year end, monthly) to 中原区 and returns its id. */
    public String createAssignment(String officeToken, String id, String title, int year) throws Exception {
        HttpResponse<String> r = api.send("PUT", "/api/targets/assignments/" + id, officeToken,
                Api.assignment(title, "410102", "中原区", "12", year), Map.of());
        if (r.statusCode() != 201 && r.statusCode() != 200) {
            throw new IllegalStateException("cannot create assignment " + id + ": " + r.statusCode() + " " + r.body());
        }
        return id;
    }

    /** A cumulative report of {@code actual} for an assignment and period, in the body clerks send. */
    public static String report(String assignmentId, String period, String actual) {
        return Api.report(assignmentId, period, actual);
    }

    /** A GET through the gateway. */
    public HttpResponse<String> get(String path, String token) throws Exception {
        return api.get(path, token);
    }

    /** What the devstack's SMTP server and SMSC received (notification-service reaches them through its links). */
    public cn.mubiao.devstack.Inbox<cn.mubiao.devstack.ReceivedMail> mail() {
        return platform.stack.mail();
    }

    public cn.mubiao.devstack.Inbox<cn.mubiao.devstack.ReceivedSms> sms() {
        return platform.stack.sms();
    }

    /** The SMTP port notification-service sends to (its link to the devstack's server). */
    public int smtpPort() {
        return platform.smtpLink.port();
    }

    /** The SMPP port notification-service binds to (its link to the devstack's SMSC). */
    public int smppPort() {
        return platform.smppLink.port();
    }

    /** Assigns a target to 中原区 as the city target office and returns its id. */
    public String createAssignment(String officeToken) throws Exception {
        return createAssignment(officeToken, "BENCH-" + UUID.randomUUID() + "@410102", "基准测试", 2007);
    }
}
