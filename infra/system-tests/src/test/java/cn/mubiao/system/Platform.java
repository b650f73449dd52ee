package cn.mubiao.system;

import cn.mubiao.devstack.DevStack;
import cn.mubiao.devstack.DevStackOptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform for end-to-end tests: the devstack (Kafka, MongoDB, Keycloak, SMTP, SMPP) in this JVM
 * and the five services as separate JVMs, started once per test JVM (Keycloak above all is too heavy to
 * start per test class) and stopped when the JVM exits.
 */
final class Platform {

    static final List<String> SERVICES = List.of("target-service", "progress-service", "scoring-service",
            "notification-service", "gateway");

    private static Platform embedded;
    private static Platform containers;

    final Infrastructure stack;
    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** notification-service reaches SMTP and SMPP through these, so fault tests can break them. */
    FaultyLink smtpLink;
    FaultyLink smppLink;
    private final Map<String, Map<String, String>> environments = new HashMap<>();
    private final Path root;

    private Platform(Infrastructure stack, Path root) {
        this.stack = stack;
        this.root = root;
    }

    static synchronized Platform embedded() throws Exception {
        if (embedded == null) {
            DevStack stack = DevStack.start(DevStackOptions.builder().withKeycloak(true).build());
            embedded = started(Infrastructure.embedded(stack));
        }
        return embedded;
    }

    /** The same services against MongoDB, Kafka and Keycloak containers (needs a Docker engine). */
    static synchronized Platform containers() throws Exception {
        if (containers == null) {
            containers = started(new ContainerInfrastructure(root()));
        }
        return containers;
    }

    private static Platform started(Infrastructure infrastructure) throws Exception {
        Platform p = new Platform(infrastructure, root());
        Runtime.getRuntime().addShutdownHook(new Thread(p::stop, "platform-stop"));
        try {
            p.startServices();
        } catch (Exception | Error e) {
            p.stop();
            throw e;
        }
        return p;
    }

    static Path root() {
        String configured = System.getProperty("mubiao.root");
        Path dir = Path.of(configured != null ? configured : "").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mubiao"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root (the folder with ./mubiao)");
        }
        return dir;
    }

    private void startServices() throws Exception {
        String mongo = stack.mongoUri().replaceAll("/+$", "");
        String issuer = stack.keycloakUrl() + "/realms/mubiao";
        Map<String, Integer> ports = new HashMap<>();
        for (String s : SERVICES) {
            ports.put(s, freePort());
        }
        for (String s : SERVICES) {
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
            env.put("KEYCLOAK_ISSUER_URI", issuer);
            env.put("KEYCLOAK_JWK_SET_URI", issuer + "/protocol/openid-connect/certs");
            String db = s.replace("-service", "");
            env.put("MONGODB_URI", mongo + "/" + db);
            if (s.equals("notification-service")) {
                smtpLink = FaultyLink.to("smtp", stack.smtpPort());
                smppLink = FaultyLink.to("smpp", stack.smppPort());
                env.put("SMTP_HOST", "127.0.0.1");
                env.put("SMTP_PORT", String.valueOf(smtpLink.port()));
                env.put("SMPP_HOST", "127.0.0.1");
                env.put("SMPP_PORT", String.valueOf(smppLink.port()));
                env.put("KEYCLOAK_URL", stack.keycloakUrl());
                // the fault tests wait for recovery: retries every few seconds instead of minutes, a lease (how long
                // a send cut off by a crash holds its delivery) longer than any attempt through a slow link
                env.put("MUBIAO_NOTIFICATION_DELIVERY_MAXATTEMPTS", "40");
                env.put("MUBIAO_NOTIFICATION_DELIVERY_FIRSTBACKOFF", "1s");
                env.put("MUBIAO_NOTIFICATION_DELIVERY_MAXBACKOFF", "4s");
                env.put("MUBIAO_NOTIFICATION_DELIVERY_SWEEPINTERVAL", "1s");
                env.put("MUBIAO_NOTIFICATION_DELIVERY_BREAKEROPENFOR", "3s");
                env.put("MUBIAO_NOTIFICATION_DELIVERY_LEASE", "30s");
            }
            if (s.equals("gateway")) {
                // benchmarks drive one user far past the per-user rate limit: they switch it off
                String rateLimit = System.getProperty("mubiao.gateway.rate-limit.enabled");
                if (rateLimit != null) {
                    env.put("MUBIAO_GATEWAY_RATELIMIT_ENABLED", rateLimit);
                }
                env.put("TARGET_SERVICE_URL", "http://127.0.0.1:" + ports.get("target-service"));
                env.put("PROGRESS_SERVICE_URL", "http://127.0.0.1:" + ports.get("progress-service"));
                env.put("SCORING_SERVICE_URL", "http://127.0.0.1:" + ports.get("scoring-service"));
                env.put("NOTIFICATION_SERVICE_URL", "http://127.0.0.1:" + ports.get("notification-service"));
            }
            environments.put(s, env);
            services.put(s, ServiceProcess.start(root, s, ports.get(s), env));
        }
        for (ServiceProcess p : services.values()) {
            p.awaitHealthy(Duration.ofSeconds(180));
        }
    }

    String gatewayUrl() {
        return services.get("gateway").url();
    }

    /** Kills a service's JVM at once and starts it again on the same port, as after a crash. */
    void crashAndRestart(String name) throws Exception {
        ServiceProcess old = services.get(name);
        old.kill();
        ServiceProcess fresh = ServiceProcess.start(root, name, old.port, environments.get(name));
        services.put(name, fresh);
        fresh.awaitHealthy(Duration.ofSeconds(180));
    }

    private void stop() {
        List<String> reverse = new java.util.ArrayList<>(services.keySet());
        java.util.Collections.reverse(reverse);
        for (String s : reverse) {
            try {
                services.get(s).close();
            } catch (Exception ignored) {
                // stopping anyway
            }
        }
        for (FaultyLink link : new FaultyLink[] {smtpLink, smppLink}) {
            if (link != null) {
                link.close();
            }
        }
        stack.close();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
