package cn.mubiao.kit.events;

import cn.mubiao.kit.testing.InMemoryMongo;
import com.mongodb.client.MongoClients;
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
