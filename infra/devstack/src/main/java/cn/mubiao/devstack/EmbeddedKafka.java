package cn.mubiao.devstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Kafka 4.1 cluster in this JVM: one {@link KafkaRaftServer} acting as broker and KRaft controller,
 * listening on fixed ports, with its log directory formatted by Kafka's own {@link Formatter} on first use.
 * It can be stopped and started again on the same ports and log directory (data survives).
 */
final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);

    static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    static {
        // A fatal broker error must not System.exit() the JVM running the tests (or `up`, whose Keycloak child
        // would then be left behind without the shutdown hooks). Log it loudly instead.
        Exit.setExitProcedure((status, message) -> log.error("Kafka asked to exit the JVM (status {}): {} - ignored,"
                + " the embedded broker is probably broken now; restart the devstack", status, message));
        Exit.setHaltProcedure((status, message) -> log.error("Kafka asked to halt the JVM (status {}): {} - ignored,"
                + " the embedded broker is probably broken now; restart the devstack", status, message));
    }

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private KafkaRaftServer server;

    EmbeddedKafka(int port, int controllerPort, Path logDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = logDir.toAbsolutePath();
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    int port() {
        return port;
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        formatIfNeeded();
        KafkaRaftServer candidate = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            candidate.startup();
            awaitBrokerAnswers();
        } catch (RuntimeException e) {
            shutDown(candidate);
            throw new IllegalStateException("Kafka did not start on " + bootstrapServers() + " (log dir " + logDir
                    + ")", e);
        }
        server = candidate;
        log.info("Kafka (KRaft, broker+controller) ready on {} (controller port {}) in {} ms, log dir {}",
                bootstrapServers(), controllerPort, elapsedMillis(started), logDir);
    }

    synchronized void stop() {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        shutDown(server);
        server = null;
        log.info("Kafka on {} stopped in {} ms", bootstrapServers(), elapsedMillis(started));
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Creates the missing topics with the given partition counts (replication factor 1, min.insync.replicas 1)
     * and grows existing ones that have fewer partitions (for instance auto-created ones).
     */
    void ensureTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = Admin.create(adminProperties())) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            partitionsByTopic.forEach((topic, partitions) -> {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of("min.insync.replicas", "1")));
                }
            });
            createTopics(admin, missing);
            growPartitions(admin, partitionsByTopic, existing);
            log.info("Kafka topics ready: {}", partitionsByTopic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create Kafka topics " + partitionsByTopic.keySet(), e);
        }
    }

    private static void createTopics(Admin admin, List<NewTopic> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static void growPartitions(Admin admin, Map<String, Integer> wanted, Set<String> existing)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<String> present = wanted.keySet().stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<String, NewPartitions> increases = new HashMap<>();
        descriptions.forEach((topic, description) -> {
            int target = wanted.get(topic);
            if (description.partitions().size() < target) {
                log.info("Kafka topic {} has {} partition(s), growing it to {}", topic,
                        description.partitions().size(), target);
                increases.put(topic, NewPartitions.increaseTo(target));
            }
        });
        if (!increases.isEmpty()) {
            admin.createPartitions(increases).all().get(30, TimeUnit.SECONDS);
        }
    }

    Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return props;
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("listeners", BROKER_LISTENER + "://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:"
                + controllerPort);
        p.put("advertised.listeners", BROKER_LISTENER + "://localhost:" + port);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // single node: every internal topic with replication factor 1
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        // small machine (2 cores): fewer threads and a small cleaner buffer instead of the 128 MiB default
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "4");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return p;
    }

    /** Formats the log directory (meta.properties + bootstrap checkpoint) unless an earlier run already did. */
    private void formatIfNeeded() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            log.debug("Kafka log dir {} already formatted", logDir);
            return;
        }
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka log dir " + logDir, e);
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .run(); // release version: the formatter's default, the latest production metadata version
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka log dir " + logDir + ": " + output, e);
        }
        log.info("Formatted Kafka log dir {} (cluster id {}): {}", logDir, clusterId,
                output.toString(StandardCharsets.UTF_8).strip());
    }

    private void awaitBrokerAnswers() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(adminProperties())) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
        throw new IllegalStateException("Kafka broker did not answer within " + READY_TIMEOUT, last);
    }

    private static void shutDown(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.warn("Kafka did not shut down cleanly", e);
        }
    }

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
