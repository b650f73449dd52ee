package cn.mubiao.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Mubiao development infrastructure in one object: Kafka (KRaft, in process), a MongoDB wire server, an SMTP
 * server, an SMPP simulator, optionally Keycloak (child process, realm {@code mubiao} imported) and a web console.
 *
 * <pre>{@code
 * try (DevStack stack = DevStack.start(DevStackOptions.builder().build())) {
 *     String kafka = stack.kafkaBootstrapServers();
 *     ...
 *     List<ReceivedSms> sms = stack.sms().awaitCount(1, Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class DevStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DevStack.class);

    /** The platform's topics with their partition counts; every event topic has a one-partition dead-letter topic. */
    static final Map<String, Integer> TOPICS = topics();
    static final String REALM_RESOURCE = "realm-mubiao.json";
    private static final Duration KEYCLOAK_READY_TIMEOUT = Duration.ofMinutes(4);

    private final DevStackOptions options;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Path tempRoot;
    private EmbeddedMongo mongo;
    private MailServer mail;
    private SmppSimulator smpp;
    private EmbeddedKafka kafka;
    private KeycloakServer keycloak;
    private ConsoleServer console;
    private boolean ready;
    private boolean closed;

    private DevStack(DevStackOptions options) {
        this.options = options;
    }

    /**
     * Starts every part and returns when all of them answer (Kafka topics created, Keycloak realm present).
     * If a part fails, the parts already started are stopped again before the exception is thrown.
     */
    public static DevStack start(DevStackOptions options) {
        DevStack stack = new DevStack(options);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /** {@code localhost:<port>} */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** {@code mongodb://localhost:<port>} (no database: every service uses its own). */
    public String mongoUri() {
        return mongo.connectionString();
    }

    /**
     * {@code http://localhost:<port>}; the realm is at {@code <url>/realms/mubiao}.
     *
     * @throws IllegalStateException when the stack was started without Keycloak
     */
    public String keycloakUrl() {
        if (keycloak == null) {
            throw new IllegalStateException("Keycloak is not part of this devstack (DevStackOptions.withKeycloak)");
        }
        return keycloak.url();
    }

    public int smtpPort() {
        return mail.port();
    }

    public int smppPort() {
        return smpp.port();
    }

    /** {@code http://localhost:<port>} */
    public String consoleUrl() {
        return console.url();
    }

    /** E-mail received by the SMTP server. */
    public Inbox<ReceivedMail> mail() {
        return mail;
    }

    /** Short messages received by the SMPP simulator. */
    public Inbox<ReceivedSms> sms() {
        return smpp;
    }

    /** Simulates a broker outage: Kafka stops, its port and data stay reserved for {@link #startKafka()}. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts Kafka again on the same port with the same log directory (topics and records are kept). */
    public void startKafka() {
        kafka.start();
    }

    /** Stops everything this stack started, in reverse order, and deletes temporary folders. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long begin = System.nanoTime();
        int parts = started.size();
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("stopping {} failed", part.getClass().getSimpleName(), e);
            }
        }
        if (tempRoot != null) {
            FileTrees.deleteRecursively(tempRoot);
        }
        if (ready) {
            log.info("Devstack stopped in {} ms", elapsedMillis(begin));
        } else {
            log.info("Devstack start aborted; {} part(s) that had started were stopped", parts);
        }
    }

    private synchronized void startAll() {
        long begin = System.nanoTime();
        Ports ports = new Ports();
        int kafkaPort = ports.resolve("Kafka", options.kafkaPort());
        int kafkaControllerPort = ports.resolve("Kafka controller", options.kafkaControllerPort());
        int mongoPort = ports.resolve("MongoDB", options.mongoPort());
        int smtpPort = ports.resolve("SMTP", options.smtpPort());
        int smppPort = ports.resolve("SMPP", options.smppPort());
        int consolePort = ports.resolve("console", options.consolePort());
        int keycloakPort = options.withKeycloak() ? ports.resolve("Keycloak", options.keycloakPort()) : 0;
        int keycloakManagementPort = options.withKeycloak() ? ports.resolve("Keycloak management", 0) : 0;

        Path dataDir = options.dataDir() == null ? null : options.dataDir().toAbsolutePath();
        Path workDir = dataDir != null ? dataDir : createTempRoot();
        log.info("Starting devstack: {} (data in {})", options, workDir);

        java.net.InetAddress bind = bindAddress();
        if (options.smppOnly()) {
            smpp = register(new SmppSimulator(smppPort, options.smppSystemId(), options.smppPassword(),
                    options.smppDeliveryReceipts(), bind));
            smpp.start();
            mail = register(new MailServer(smtpPort));
            mail.start();
        } else {
            startInfrastructure(kafkaPort, kafkaControllerPort, mongoPort, smtpPort, smppPort, keycloakPort,
                    keycloakManagementPort, dataDir, workDir, bind);
        }
        console = register(new ConsoleServer(consolePort, mail, smpp, this::health, this::endpoints, bind));
        console.start();
        ready = true;
        log.info("Devstack ready in {} ms: {}", elapsedMillis(begin), endpoints());
    }

    private void startInfrastructure(int kafkaPort, int kafkaControllerPort, int mongoPort, int smtpPort, int smppPort,
                                     int keycloakPort, int keycloakManagementPort, Path dataDir, Path workDir,
                                     java.net.InetAddress bind) {
        if (options.withKeycloak()) {
            // launched first: it takes longest, and starts while the in-process parts come up
            Path home = KeycloakDistribution.ensureUnpacked(KeycloakDistribution.cacheRoot(options.cacheDir()));
            keycloak = register(new KeycloakServer(home, keycloakPort, keycloakManagementPort,
                    workDir.resolve("keycloak")));
            keycloak.launch();
        }
        mongo = register(new EmbeddedMongo(mongoPort,
                dataDir == null ? null : dataDir.resolve("mongo").resolve("mubiao.mv.db")));
        mongo.start();
        mail = register(new MailServer(smtpPort));
        mail.start();
        smpp = register(new SmppSimulator(smppPort, options.smppSystemId(), options.smppPassword(),
                options.smppDeliveryReceipts(), bind));
        smpp.start();
        kafka = register(new EmbeddedKafka(kafkaPort, kafkaControllerPort, workDir.resolve("kafka")));
        kafka.start();
        kafka.ensureTopics(TOPICS);
        if (keycloak != null) {
            keycloak.awaitReady(KEYCLOAK_READY_TIMEOUT);
            new KeycloakRealmImporter(keycloak.httpClient(), keycloak.url(), KeycloakServer.ADMIN_USER,
                    KeycloakServer.ADMIN_PASSWORD).ensureRealm(realmJson());
        }
    }

    private java.net.InetAddress bindAddress() {
        try {
            return java.net.InetAddress.getByName(options.bindAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an address to listen on: " + options.bindAddress(), e);
        }
    }

    /** Part name to status (UP, DOWN or DISABLED), for the console's /health. */
    Map<String, String> health() {
        Map<String, String> health = new LinkedHashMap<>();
        health.put("kafka", options.smppOnly() ? "DISABLED" : status(kafka != null && kafka.isRunning()));
        health.put("mongodb", options.smppOnly() ? "DISABLED" : status(mongo != null && mongo.isRunning()));
        health.put("smtp", status(mail != null && mail.isRunning()));
        health.put("smpp", status(smpp != null && smpp.isRunning()));
        health.put("keycloak", keycloak == null ? "DISABLED" : status(keycloak.isRunning()));
        health.put("console", status(console != null));
        return health;
    }

    /** Part name to how to reach it; same keys as {@link #health()}. */
    Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("kafka", kafka == null ? "" : kafka.bootstrapServers());
        endpoints.put("mongodb", mongo == null ? "" : mongo.connectionString());
        endpoints.put("smtp", mail == null ? "" : "localhost:" + mail.port());
        endpoints.put("smpp", smpp == null ? "" : "localhost:" + smpp.port());
        endpoints.put("keycloak", keycloak == null ? "disabled"
                : keycloak.url() + " (admin/admin; realm mubiao; log " + keycloak.logFile() + ")");
        endpoints.put("console", console == null ? "" : console.url());
        return endpoints;
    }

    private byte[] realmJson() {
        try {
            if (options.realmFile() != null) {
                return Files.readAllBytes(options.realmFile());
            }
            try (InputStream in = DevStack.class.getResourceAsStream(REALM_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(REALM_RESOURCE + " is missing from the devstack jar");
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the realm file", e);
        }
    }

    private Path createTempRoot() {
        try {
            tempRoot = Files.createTempDirectory("mubiao-devstack-");
            return tempRoot;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the devstack", e);
        }
    }

    private <T extends AutoCloseable> T register(T part) {
        started.push(part);
        return part;
    }

    private static String status(boolean up) {
        return up ? ConsoleServer.UP : "DOWN";
    }

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    private static Map<String, Integer> topics() {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String topic : new String[] {"mubiao.target.events", "mubiao.progress.events", "mubiao.scoring.events",
                "mubiao.notification.events"}) {
            topics.put(topic, 6);
            topics.put(topic + ".DLT", 1);
        }
        return Collections.unmodifiableMap(topics);
    }
}
