package cn.mubiao.system;

import cn.mubiao.contracts.Topics;
import cn.mubiao.devstack.DevStack;
import cn.mubiao.devstack.DevStackOptions;
import cn.mubiao.devstack.Inbox;
import cn.mubiao.devstack.ReceivedMail;
import cn.mubiao.devstack.ReceivedSms;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.MountableFile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The official images of MongoDB, Kafka and Keycloak under Testcontainers, for machines with a Docker engine;
 * mail and SMS still land in the devstack's GreenMail and SMPP simulator, which the tests read back.
 */
final class ContainerInfrastructure implements Infrastructure {

    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8");
    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    private final GenericContainer<?> keycloak;
    private final DevStack sinks;

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    ContainerInfrastructure(Path root) {
        keycloak = new GenericContainer<>("quay.io/keycloak/keycloak:26.4.5")
                .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
                .withCopyFileToContainer(MountableFile.forHostPath(root.resolve("infra/keycloak/realm-mubiao.json")),
                        "/opt/keycloak/data/import/realm-mubiao.json")
                .withCommand("start-dev", "--import-realm", "--http-port=8080")
                .withExposedPorts(8080)
                .waitingFor(Wait.forHttp("/realms/mubiao/.well-known/openid-configuration").forPort(8080)
                        .withStartupTimeout(Duration.ofMinutes(4)));
        mongo.start();
        kafka.start();
        keycloak.start();
        createTopics();
        sinks = DevStack.start(DevStackOptions.builder().smppOnly(true).build());
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t : Topics.ALL) {
                topics.add(new NewTopic(t, Topics.PARTITIONS, (short) 1));
                topics.add(new NewTopic(Topics.deadLetter(t), 1, (short) 1));
            }
            admin.createTopics(topics).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics", e);
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    public String mongoUri() {
        return "mongodb://" + mongo.getHost() + ":" + mongo.getMappedPort(27017);
    }

    public String keycloakUrl() {
        return "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
    }

    public int smtpPort() {
        return sinks.smtpPort();
    }

    public int smppPort() {
        return sinks.smppPort();
    }

    public Inbox<ReceivedMail> mail() {
        return sinks.mail();
    }

    public Inbox<ReceivedSms> sms() {
        return sinks.sms();
    }

    public void stopKafka() {
        throw new UnsupportedOperationException("the broker outage is tested on the embedded devstack");
    }

    public void startKafka() {
        throw new UnsupportedOperationException("the broker outage is tested on the embedded devstack");
    }

    public void close() {
        sinks.close();
        keycloak.stop();
        kafka.stop();
        mongo.stop();
    }
}
