package cn.mubiao.kit.events;

import cn.mubiao.kit.requestid.RequestIds;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Consumes CloudEvents and hands each to the handler of its type. Idempotent: event ids already applied are
 * skipped; offsets are committed only after the effect is stored. A record that keeps failing, or cannot be
 * read at all, goes to {@code <topic>.DLT} with the error in headers and never blocks its partition. Unknown
 * types are skipped (additive evolution). While an event is applied, its request id (CloudEvents extension
 * {@code requestid}) is in the MDC, so the handler's log lines and the events it records trace back to the
 * HTTP request that started the chain.
 */
public final class EventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);
    private static final long RETRY_MILLIS = 1_000;

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> deadLetters;
    private final List<String> topics;
    private final Map<String, EventHandler<?>> handlers = new HashMap<>();
    private final ProcessedEvents processed;
    private final JsonMapper json;
    private final int maxAttempts;
    private final String threadName;
    private volatile boolean running;
    private Thread thread;

    public EventConsumer(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetters, List<String> topics,
                         List<EventHandler<?>> handlers, ProcessedEvents processed, JsonMapper json, int maxAttempts) {
        this(consumer, deadLetters, topics, handlers, processed, json, maxAttempts, "event-consumer");
    }

    /** As above, its thread named {@code threadName}. */
    public EventConsumer(Consumer<String, byte[]> consumer, Producer<String, byte[]> deadLetters, List<String> topics,
                         List<EventHandler<?>> handlers, ProcessedEvents processed, JsonMapper json, int maxAttempts,
                         String threadName) {
        this.threadName = threadName;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.topics = topics;
        handlers.forEach(h -> {
            if (this.handlers.put(h.type(), h) != null) {
                throw new IllegalStateException("two handlers for " + h.type());
            }
        });
        this.processed = processed;
        this.json = json;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name(threadName).daemon(true).start(this::loop);
    }

    private void loop() {
        try {
            consumer.subscribe(topics);
            while (running) {
                try {
                    round();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // the broker stalled or went away (a poll or a commit timed out): what was applied stays applied
                    // (handlers are idempotent, applied ids are skipped), what was not comes again; never give up
                    log.warn("event consumer round failed, again in {} ms: {}", RETRY_MILLIS, e.toString());
                    TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                log.error("event consumer woken up while running", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * One poll: applies its records in order, records the events applied and commits what was applied. Which of the
     * poll's events were applied before is asked once for the whole poll, and the newly applied ones are recorded
     * in one write before the commit. A crash between an event's effect and that write replays the event, as a
     * crash between the effect and its record always could: handlers are idempotent, the record saves the work.
     */
    private void round() throws InterruptedException {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
        if (records.isEmpty()) {
            return;
        }
        Poll poll = new Poll();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try {
            poll.appliedBefore(processed.among(handledIds(records)));
            for (ConsumerRecord<String, byte[]> r : records) {
                apply(r, poll);
                done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            }
        } catch (RuntimeException e) {
            // the store or the DLT is unreachable (asking about the poll's events included): go back to the first
            // record not applied and try later
            log.warn("applying events failed, will retry: {}", e.toString());
            for (TopicPartition tp : records.partitions()) {
                OffsetAndMetadata d = done.get(tp);
                consumer.seek(tp, d != null ? d.offset() : records.records(tp).getFirst().offset());
            }
            TimeUnit.SECONDS.sleep(1);
        }
        processed.recordAll(poll.applied);
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    /** The ids of the poll's records that a handler here would apply (unreadable records have none). */
    private List<String> handledIds(ConsumerRecords<String, byte[]> records) {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            String id = CloudEvents.header(r.headers(), CloudEvents.ID);
            String type = CloudEvents.header(r.headers(), CloudEvents.TYPE);
            if (id != null && type != null && handlers.containsKey(type)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** What one poll knows: the ids applied before or earlier in the poll, and the events it applied. */
    static final class Poll {
        private final Set<String> seen = new HashSet<>();
        private final List<InboundEvent> applied = new ArrayList<>();

        /** The poll's events that earlier polls applied. */
        void appliedBefore(Set<String> eventIds) {
            seen.addAll(eventIds);
        }

        boolean applied(String eventId) {
            return seen.contains(eventId);
        }

        void add(InboundEvent event) {
            seen.add(event.id());
            applied.add(event);
        }
    }

    /** Applies one record: handled, skipped as a duplicate or unknown type, or dead-lettered. */
    private void apply(ConsumerRecord<String, byte[]> r, Poll poll) throws InterruptedException {
        InboundEvent event;
        try {
            event = CloudEvents.fromRecord(r);
        } catch (MalformedEventException e) {
            deadLetter(r, e);
            return;
        }
        EventHandler<?> handler = handlers.get(event.type());
        if (handler == null) {
            return;
        }
        try (RequestIds.Binding ignored = RequestIds.bind(event.requestId())) {
            handle(r, event, handler, poll);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> r, InboundEvent event, EventHandler<?> handler, Poll poll)
            throws InterruptedException {
        if (poll.applied(event.id())) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dispatch(handler, event);
                poll.add(event);
                return;
            } catch (MalformedEventException e) {
                deadLetter(r, e);
                return;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    deadLetter(r, e);
                    return;
                }
                log.warn("{} {} failed (attempt {}/{}): {}", event.type(), event.id(), attempt, maxAttempts, e.toString());
                TimeUnit.MILLISECONDS.sleep(100L << attempt);
            }
        }
    }

    private <T> void dispatch(EventHandler<T> handler, InboundEvent event) {
        T payload;
        try {
            payload = json.readValue(event.data(), handler.payloadType());
        } catch (JacksonException e) {
            throw new MalformedEventException("body of " + event.type() + " " + event.id() + " is unreadable", e);
        }
        handler.handle(payload, event);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, Exception cause) throws InterruptedException {
        log.error("dead-lettering {}/{}@{}: {}", r.topic(), r.partition(), r.offset(), cause.toString());
        ProducerRecord<String, byte[]> dlt = new ProducerRecord<>(r.topic() + ".DLT", null, r.key(), r.value(), r.headers());
        dlt.headers().add("dlt_error", String.valueOf(cause).getBytes(StandardCharsets.UTF_8));
        dlt.headers().add("dlt_origin", (r.topic() + "/" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(dlt).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write to the dead-letter topic", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
