package cn.mubiao.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** One devstack without Keycloak, shared by the tests of this class (Kafka takes a few seconds to start). */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DevStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static DevStack stack;

    @BeforeAll
    static void startStack() {
        stack = DevStack.start(DevStackOptions.builder().build());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void platformTopicsExistWithSixPartitionsAndOnePartitionDeadLetterTopics() throws Exception {
        try (Admin admin = admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(DevStack.TOPICS.keySet())
                    .allTopicNames().get(30, TimeUnit.SECONDS);

            Map<String, Integer> partitions = topics.values().stream().collect(Collectors.toMap(
                    TopicDescription::name, description -> description.partitions().size()));
            assertThat(partitions).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "mubiao.target.events", 6, "mubiao.target.events.DLT", 1,
                    "mubiao.progress.events", 6, "mubiao.progress.events.DLT", 1,
                    "mubiao.scoring.events", 6, "mubiao.scoring.events.DLT", 1,
                    "mubiao.notification.events", 6, "mubiao.notification.events.DLT", 1));
            assertThat(topics.values()).allSatisfy(description -> assertThat(description.partitions())
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1)));
        }
    }

    @Test
    void recordProducedToATopicIsConsumedBack() {
        String key = "target-" + UUID.randomUUID();
        send("mubiao.target.events", key, "{\"目标\":\"全年GDP增长6%\"}");

        List<ConsumerRecord<String, String>> records = consumeAll("mubiao.target.events", 1);

        assertThat(records).anySatisfy(record -> {
            assertThat(record.key()).isEqualTo(key);
            assertThat(record.value()).isEqualTo("{\"目标\":\"全年GDP增长6%\"}");
        });
    }

    @Test
    void brokerComesBackOnTheSamePortWithItsDataAfterAnOutage() throws Exception {
        String bootstrap = stack.kafkaBootstrapServers();
        send("mubiao.progress.events", "before-outage", "进度 50%");

        stack.stopKafka();
        assertThat(consoleJson("/health").path("components").path("kafka").asText()).isEqualTo("DOWN");
        int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
        assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(ConnectException.class);

        stack.startKafka();

        assertThat(stack.kafkaBootstrapServers()).isEqualTo(bootstrap);
        assertThat(consumeAll("mubiao.progress.events", 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .contains(tuple("before-outage", "进度 50%"));
        send("mubiao.progress.events", "after-outage", "进度 60%");
        assertThat(consumeAll("mubiao.progress.events", 2)).extracting(ConsumerRecord::key)
                .contains("before-outage", "after-outage");
    }

    @Test
    void mongoUriServesDocuments() {
        try (MongoClient client = MongoClients.create(stack.mongoUri())) {
            var collection = client.getDatabase("target-service").getCollection("targets");
            collection.insertOne(new Document("code", "T-001").append("name", "招商引资"));

            Document found = collection.find(new Document("code", "T-001")).first();

            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("招商引资");
        }
    }

    @Test
    void consoleReportsEveryPartUpAndKeycloakDisabled() throws Exception {
        HttpResponse<String> response = console("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("mongodb").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("smtp").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("smpp").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("keycloak").asText()).isEqualTo("DISABLED");
    }

    @Test
    void keycloakUrlExplainsThatKeycloakWasNotStarted() {
        assertThatThrownBy(stack::keycloakUrl)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("withKeycloak");
    }

    @Test
    void aFixedPortThatIsTakenFailsTheStartWithAMessageNamingThePart() {
        int taken = stack.smtpPort();

        assertThatThrownBy(
                        () -> DevStack.start(DevStackOptions.builder().smtpPort(taken).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + taken + " for SMTP is already in use");
    }

    private static void send(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    /** Reads the topic from the beginning with a fresh group until at least {@code expected} records arrived. */
    private static List<ConsumerRecord<String, String>> consumeAll(String topic, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    private static JsonNode consoleJson(String path) throws Exception {
        return JSON.readTree(console(path).body());
    }

    private static HttpResponse<String> console(String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(stack.consoleUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
