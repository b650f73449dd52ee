package cn.mubiao.kit.events;

import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.contracts.Topics;
import cn.mubiao.devstack.DevStack;
import cn.mubiao.devstack.DevStackOptions;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox relay and the idempotent consumer against a real Kafka broker and a MongoDB-protocol server. */
class OutboxAndConsumerTest {

    private static DevStack stack;
    private static MongoClient mongo;
    private static MongoDatabase db;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void infrastructure() {
        stack = DevStack.start(DevStackOptions.builder().withKeycloak(false).build());
        mongo = MongoClients.create(stack.mongoUri());
        db = mongo.getDatabase("kit-test");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        mongo.close();
        stack.close();
    }

    private static OutboxEntry entry(String topic, String subject, String data) {
        return new OutboxEntry(UUID.randomUUID().toString(), topic, "mubiao.test.Happened.v1", subject, Instant.now(), data);
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic, int atLeast) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (out.size() < atLeast && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    @Test
    void relayPublishesPendingEventsAsCloudEventsKeyedByAggregateAndThenRemovesThem() throws Exception {
        MongoCollection<Document> reports = db.getCollection("relay-reports");
        String subject = "a-" + UUID.randomUUID();
        OutboxEntry one = new OutboxEntry(UUID.randomUUID().toString(), Topics.PROGRESS_EVENTS, "mubiao.test.Happened.v1",
                subject, Instant.now(), "{\"n\":1}", "req-relay-1");
        OutboxEntry two = entry(Topics.PROGRESS_EVENTS, subject, "{\"n\":2}");
        // written before entries had a request id: no such field at all
        Document legacy = new Document("id", two.id()).append("topic", two.topic()).append("type", two.type())
                .append("subject", subject).append("time", Date.from(two.time())).append("data", two.data());
        reports.insertOne(new Document("_id", "r1").append("outbox", List.of(one.toDocument(), legacy)));
        OutboxRelay relay = new OutboxRelay(db, List.of("relay-reports"), producer, "/mubiao/test", Duration.ofHours(1));

        assertThat(relay.relayOnce()).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> mine = read(Topics.PROGRESS_EVENTS, 2).stream()
                .filter(r -> subject.equals(r.key())).toList();
        assertThat(mine).hasSize(2);
        assertThat(mine).extracting(r -> CloudEvents.header(r.headers(), CloudEvents.ID)).containsExactly(one.id(), two.id());
        assertThat(mine.getFirst().partition()).isEqualTo(mine.getLast().partition());
        ConsumerRecord<String, byte[]> r = mine.getFirst();
        assertThat(CloudEvents.header(r.headers(), CloudEvents.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(CloudEvents.header(r.headers(), CloudEvents.TYPE)).isEqualTo("mubiao.test.Happened.v1");
        assertThat(CloudEvents.header(r.headers(), CloudEvents.SOURCE)).isEqualTo("/mubiao/test");
        assertThat(CloudEvents.header(r.headers(), CloudEvents.SUBJECT)).isEqualTo(subject);
        assertThat(CloudEvents.header(r.headers(), CloudEvents.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":1}");
        assertThat(CloudEvents.header(r.headers(), CloudEvents.REQUEST_ID)).isEqualTo("req-relay-1");
        assertThat(r.headers().lastHeader("ce_requestid")).isNotNull();
        assertThat(CloudEvents.header(mine.getLast().headers(), CloudEvents.REQUEST_ID)).isNull();
        assertThat(CloudEvents.fromRecord(r).requestId()).isEqualTo("req-relay-1");
        assertThat(CloudEvents.fromRecord(mine.getLast()).requestId()).isNull();
        assertThat(reports.find(Filters.eq("_id", "r1")).first().getList("outbox", Document.class)).isEmpty();
        assertThat(relay.relayOnce()).isZero();
    }

    @Test
    void aHintedWritePublishesItsEntriesWithoutASweepAndEmptiesItsOutbox() throws Exception {
        MongoCollection<Document> docs = db.getCollection("hinted-docs");
        String subject = "h-" + UUID.randomUUID();
        OutboxEntry e = entry(Topics.PROGRESS_EVENTS, subject, "{\"n\":3}");
        docs.insertOne(new Document("_id", subject).append("outbox", List.of(e.toDocument())));
        // a collection the relay does not sweep: only the hint can find the entry
        OutboxRelay relay = new OutboxRelay(db, List.of(), producer, "/mubiao/test", Duration.ofHours(1), Duration.ofHours(1),
                Duration.ZERO);

        relay.written("hinted-docs", subject, List.of(e));

        assertThat(relay.relayHinted()).isEqualTo(1);
        assertThat(read(Topics.PROGRESS_EVENTS, 1).stream().filter(r -> subject.equals(r.key())))
                .extracting(r -> CloudEvents.header(r.headers(), CloudEvents.ID)).containsExactly(e.id());
        assertThat(docs.find(Filters.eq("_id", subject)).first().getList("outbox", Document.class)).isEmpty();
        assertThat(relay.relayHinted()).isZero();
    }

    @Test
    void eventsWrittenWhileTheRelayLingersGoOutInOneRoundAndOneRemoval() throws Exception {
        MongoCollection<Document> docs = db.getCollection("lingering-docs");
        AtomicInteger flushes = new AtomicInteger();
        MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public void flush() {
                flushes.incrementAndGet();
                super.flush();
            }
        };
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add("l-" + UUID.randomUUID());
        }
        Map<String, OutboxEntry> entries = new LinkedHashMap<>();
        ids.forEach(id -> entries.put(id, entry(Topics.PROGRESS_EVENTS, id, "{\"n\":4}")));
        entries.forEach((id, e) -> docs.insertOne(new Document("_id", id).append("outbox", List.of(e.toDocument()))));
        OutboxRelay relay = new OutboxRelay(db, List.of(), kafka, "/mubiao/test", Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofSeconds(1));
        relay.start();
        try {
            entries.forEach((id, e) -> relay.written("lingering-docs", id, List.of(e)));

            await().atMost(Duration.ofSeconds(20)).until(() -> kafka.history().size() == 20
                    && docs.countDocuments(Filters.and(Filters.in("_id", ids), Filters.exists("outbox.0"))) == 0);
            assertThat(kafka.history()).extracting(ProducerRecord::key).containsExactlyElementsOf(ids);
            assertThat(flushes).as("one round for the twenty").hasValue(1);
        } finally {
            relay.stop();
        }
    }

    @Test
    void eventsWaitInTheirDocumentWhileKafkaIsDownAndGoOutWhenItIsBack() throws Exception {
        MongoCollection<Document> docs = db.getCollection("outage-docs");
        String subject = "b-" + UUID.randomUUID();
        docs.insertOne(new Document("_id", subject).append("outbox", List.of(entry(Topics.SCORING_EVENTS, subject, "{}").toDocument())));
        OutboxRelay relay = new OutboxRelay(db, List.of("outage-docs"), producer, "/mubiao/test", Duration.ofHours(1));

        stack.stopKafka();
        try {
            assertThat(relay.relayOnce()).isZero();
            assertThat(docs.find(Filters.eq("_id", subject)).first().getList("outbox", Document.class)).hasSize(1);
        } finally {
            stack.startKafka();
        }

        int published = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (published == 0 && System.nanoTime() < deadline) {
            published = relay.relayOnce();
        }
        assertThat(published).isEqualTo(1);
        assertThat(read(Topics.SCORING_EVENTS, 1)).anyMatch(r -> subject.equals(r.key()));
    }

    record Ping(String name) {
    }

    record Ponged(String name) implements MubiaoEvent {
        @Override
        public String eventType() {
            return "mubiao.test.Ponged.v1";
        }

        @Override
        public String aggregateId() {
            return name;
        }
    }

    @Test
    void consumerAppliesEachEventIdOnceSkipsUnknownTypesAndDeadLettersPoisonWithoutBlocking() throws Exception {
        String topic = Topics.NOTIFICATION_EVENTS;
        String run = UUID.randomUUID().toString();
        List<String> handled = new CopyOnWriteArrayList<>();
        Map<String, String> requestIds = new ConcurrentHashMap<>();
        Outbox onward = new Outbox("mubiao.test.events", JsonMapper.builder().build(), Clock.systemUTC(),
                new OutboxRelay(db, List.of(), producer, "/mubiao/test", Duration.ofHours(1)));
        EventHandler<Ping> handler = EventHandler.of("mubiao.test.Ping.v1", Ping.class, (p, e) -> {
            if (!p.name().startsWith(run)) {
                return;
            }
            requestIds.put(p.name(), e.requestId() + "|" + MDC.get("requestId") + "|"
                    + onward.entry(new Ponged(p.name())).requestId());
            if (p.name().endsWith("boom")) {
                throw new IllegalStateException("cannot handle " + p.name());
            }
            handled.add(p.name());
        });
        KafkaConsumer<String, byte[]> kafka = committingConsumer("consumer-" + run);
        EventConsumer consumer = new EventConsumer(kafka, producer, List.of(topic), List.of(handler),
                new ProcessedEvents(db, Clock.systemUTC()), JsonMapper.builder().build(), 2);

        String dupId = UUID.randomUUID().toString();
        send(topic, dupId, "mubiao.test.Ping.v1", "{\"name\":\"" + run + "-one\"}");
        send(topic, dupId, "mubiao.test.Ping.v1", "{\"name\":\"" + run + "-one\"}");
        send(topic, UUID.randomUUID().toString(), "mubiao.test.Unknown.v1", "{\"name\":\"" + run + "-unknown\"}");
        send(topic, UUID.randomUUID().toString(), "mubiao.test.Ping.v1", "{\"name\":\"" + run + "-boom\"}");
        producer.send(new ProducerRecord<>(topic, "k", "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        send(topic, UUID.randomUUID().toString(), "mubiao.test.Ping.v1", "{\"name\":\"" + run + "-two\"}",
                "req-" + run);
        send(topic, UUID.randomUUID().toString(), "mubiao.test.Ping.v1", "{\"name\":\"" + run + "-three\"}");

        consumer.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!handled.contains(run + "-three") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            consumer.stop();
        }

        assertThat(handled).containsExactly(run + "-one", run + "-two", run + "-three");
        // the request id travels in ce_requestid, is in the MDC while the handler runs, and goes on with what it records
        assertThat(requestIds).containsEntry(run + "-two", "req-" + run + "|req-" + run + "|req-" + run)
                .containsEntry(run + "-one", "null|null|null")
                .containsEntry(run + "-three", "null|null|null"); // and is gone again for the next event
        List<ConsumerRecord<String, byte[]>> dead = read(Topics.deadLetter(topic), 2);
        assertThat(dead).anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).contains(run + "-boom")
                && CloudEvents.header(r.headers(), "dlt_error").contains("cannot handle"));
        assertThat(dead).anyMatch(r -> new String(r.value(), StandardCharsets.UTF_8).equals("not a cloud event"));
    }

    @Test
    void anEventRecordedByAnEarlierPollIsSkippedWhenItComesAgainAndEachAppliedEventIsRecorded() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "kit.replay." + run;
        List<String> handled = new CopyOnWriteArrayList<>();
        EventHandler<Ping> handler = EventHandler.of("mubiao.test.Ping.v1", Ping.class, (p, e) -> handled.add(p.name()));
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        send(topic, first, "mubiao.test.Ping.v1", "{\"name\":\"first\"}");

        consumeUntil(topic, "replay-a-" + run, handler, () -> handled.contains("first"));
        send(topic, second, "mubiao.test.Ping.v1", "{\"name\":\"second\"}");
        // a second group reads the topic from the start: the first event again (a replay), then the second
        consumeUntil(topic, "replay-b-" + run, handler, () -> handled.contains("second"));

        assertThat(handled).containsExactly("first", "second");
        assertThat(db.getCollection("processed_events").find(Filters.in("_id", first, second)).into(new ArrayList<>()))
                .extracting(d -> d.getString("_id") + " " + d.getString("type") + " " + d.getString("topic"))
                .containsExactlyInAnyOrder(first + " mubiao.test.Ping.v1 " + topic, second + " mubiao.test.Ping.v1 " + topic);
    }

    private void consumeUntil(String topic, String group, EventHandler<?> handler, BooleanSupplier done)
            throws InterruptedException {
        EventConsumer consumer = new EventConsumer(committingConsumer(group),
                producer, List.of(topic), List.of(handler), new ProcessedEvents(db, Clock.systemUTC()),
                JsonMapper.builder().build(), 2);
        consumer.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            consumer.stop();
        }
    }

    @Test
    void consumersOfOneServiceShareTheTopicsPartitionsAndApplyEachEventOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "kit.shared." + run;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, String> handledBy = new ConcurrentHashMap<>();
        List<String> handled = new CopyOnWriteArrayList<>();
        EventHandler<Ping> handler = EventHandler.of("mubiao.test.Ping.v1", Ping.class, (p, e) -> {
            handled.add(p.name());
            handledBy.put(p.name(), Thread.currentThread().getName());
        });
        List<EventConsumer> consumers = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            consumers.add(new EventConsumer(committingConsumer("shared-" + run),
                    producer, List.of(topic), List.of(handler), new ProcessedEvents(db, Clock.systemUTC()),
                    JsonMapper.builder().build(), 2, "event-consumer-" + i));
        }
        EventConsumers group = new EventConsumers(consumers);

        int sent = 0;
        group.start();
        try {
            // waves of events with distinct keys until both consumers have applied some: the second consumer's join
            // rebalances the group, which on a slow machine can take longer than many quick waves, so the bound is
            // time (two minutes), with a pause between waves, not a count of waves
            long groupDeadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (Set.copyOf(handledBy.values()).size() < 2 && System.nanoTime() < groupDeadline) {
                for (int i = 0; i < 20; i++, sent++) {
                    OutboxEntry e = new OutboxEntry(UUID.randomUUID().toString(), topic, "mubiao.test.Ping.v1",
                            "key-" + sent, Instant.now(), "{\"name\":\"" + run + "-" + sent + "\"}", null);
                    producer.send(CloudEvents.toRecord(e, "/mubiao/test")).get();
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (handled.size() < sent && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(250);
            }
        } finally {
            group.stop();
        }

        assertThat(group.isRunning()).isFalse();
        assertThat(handled).hasSize(sent).doesNotHaveDuplicates();
        assertThat(Set.copyOf(handledBy.values())).containsExactlyInAnyOrder("event-consumer-1", "event-consumer-2");
    }

    /** A consumer in {@code group} that reads from the start and commits only what the {@link EventConsumer} says. */
    private static KafkaConsumer<String, byte[]> committingConsumer(String group) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static void send(String topic, String id, String type, String json) throws Exception {
        send(topic, id, type, json, null);
    }

    private static void send(String topic, String id, String type, String json, String requestId) throws Exception {
        OutboxEntry e = new OutboxEntry(id, topic, type, "s-1", Instant.now(), json, requestId);
        producer.send(CloudEvents.toRecord(e, "/mubiao/test")).get();
    }
}
