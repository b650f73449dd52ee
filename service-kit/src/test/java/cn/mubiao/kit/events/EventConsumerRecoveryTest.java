package cn.mubiao.kit.events;

import cn.mubiao.kit.testing.InMemoryMongo;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A broker that stalls (a commit or a poll timing out) never stops a service's consumer for good. */
class EventConsumerRecoveryTest {

    record Ping(String name) {
    }

    private static final String TOPIC = "mubiao.test.events";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

    /** A consumer whose commits time out as often as the test says, like one whose broker stalled for a minute. */
    private static final class StallingConsumer extends MockConsumer<String, byte[]> {
        final AtomicInteger failingCommits = new AtomicInteger();

        StallingConsumer() {
            super("earliest");
        }

        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
            if (failingCommits.getAndDecrement() > 0) {
                throw new TimeoutException("Timeout of 60000ms expired before successfully committing offsets " + offsets);
            }
            super.commitSync(offsets);
        }
    }

    private static ConsumerRecord<String, byte[]> ping(long offset, String name) {
        ConsumerRecord<String, byte[]> r = new ConsumerRecord<>(TOPIC, 0, offset, "k",
                ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
        r.headers().add(CloudEvents.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        r.headers().add(CloudEvents.TYPE, "mubiao.test.Ping.v1".getBytes(StandardCharsets.UTF_8));
        r.headers().add(CloudEvents.SOURCE, "/test".getBytes(StandardCharsets.UTF_8));
        return r;
    }

    @Test
    void aCommitThatTimesOutLeavesTheConsumerRunningAndLaterEventsAreStillApplied() throws Exception {
        StallingConsumer kafka = new StallingConsumer();
        kafka.failingCommits.set(1);
        kafka.schedulePollTask(() -> {
            kafka.rebalance(List.of(P0));
            kafka.updateBeginningOffsets(Map.of(P0, 0L));
            kafka.addRecord(ping(0, "first"));
        });
        List<String> handled = new CopyOnWriteArrayList<>();
        MongoDatabase db = MongoClients.create(InMemoryMongo.uri("consumer-recovery")).getDatabase("consumer-recovery");
        EventConsumer consumer = new EventConsumer(kafka, new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer()), List.of(TOPIC),
                List.of(EventHandler.of("mubiao.test.Ping.v1", Ping.class, (p, e) -> handled.add(p.name()))),
                new ProcessedEvents(db, Clock.systemUTC()), JsonMapper.builder().build(), 2);

        long committed;
        consumer.start();
        try {
            waitFor(() -> kafka.failingCommits.get() == 0, Duration.ofSeconds(20)); // the first commit timed out
            kafka.schedulePollTask(() -> kafka.addRecord(ping(1, "second")));
            waitFor(() -> handled.contains("second"), Duration.ofSeconds(20));
            waitFor(() -> kafka.committed(java.util.Set.of(P0)).get(P0) != null
                    && kafka.committed(java.util.Set.of(P0)).get(P0).offset() == 2, Duration.ofSeconds(20));
            committed = kafka.committed(java.util.Set.of(P0)).get(P0).offset();
        } finally {
            consumer.stop();
        }

        assertThat(consumer.isRunning()).isFalse();
        assertThat(handled).containsExactly("first", "second");
        assertThat(committed).as("both applied and committed after the timeout").isEqualTo(2);
    }

    @Test
    void aPollWhoseEventsCannotBeLookedUpIsAppliedOnceTheStoreAnswersAgain() throws Exception {
        MockConsumer<String, byte[]> kafka = new MockConsumer<>("earliest");
        ConsumerRecord<String, byte[]> first = ping(0, "first");
        kafka.schedulePollTask(() -> {
            kafka.rebalance(List.of(P0));
            kafka.updateBeginningOffsets(Map.of(P0, 0L));
            kafka.addRecord(first);
        });
        // the broker has the record still: it comes again to a consumer that went back to it (offset 0), and is
        // passed over by one that did not
        kafka.schedulePollTask(() -> kafka.addRecord(first));
        List<String> handled = new CopyOnWriteArrayList<>();
        MongoDatabase db = MongoClients.create(InMemoryMongo.uri("consumer-store-down")).getDatabase("consumer-store-down");
        AtomicInteger failingLookups = new AtomicInteger(1);
        EventConsumer consumer = new EventConsumer(kafka, new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer()), List.of(TOPIC),
                List.of(EventHandler.of("mubiao.test.Ping.v1", Ping.class, (p, e) -> handled.add(p.name()))),
                new ProcessedEvents(failingFinds(db, failingLookups), Clock.systemUTC()), JsonMapper.builder().build(), 2);

        long committed;
        consumer.start();
        try {
            waitFor(() -> kafka.committed(java.util.Set.of(P0)).get(P0) != null, Duration.ofSeconds(20));
            committed = kafka.committed(java.util.Set.of(P0)).get(P0).offset();
        } finally {
            consumer.stop();
        }

        assertThat(failingLookups.get()).as("the first lookup failed").isNegative();
        assertThat(handled).containsExactly("first");
        assertThat(committed).isEqualTo(1);
    }

    /** The database, its collections' {@code find} failing as often as {@code failures} says (a store gone away). */
    private static MongoDatabase failingFinds(MongoDatabase db, AtomicInteger failures) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(), new Class<?>[]{MongoDatabase.class},
                (proxy, method, args) -> {
                    Object result = invoke(db, method, args);
                    if (!method.getName().equals("getCollection")) {
                        return result;
                    }
                    Object collection = result;
                    return Proxy.newProxyInstance(MongoCollection.class.getClassLoader(), new Class<?>[]{MongoCollection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("find") && failures.getAndDecrement() > 0) {
                                    throw new MongoTimeoutException("the store is not answering");
                                }
                                return invoke(collection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(20);
        }
    }
}
