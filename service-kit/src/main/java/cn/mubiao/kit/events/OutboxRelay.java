package cn.mubiao.kit.events;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events that aggregates carry in their {@code outbox} array, then removes them from the
 * documents (one bulk write per collection and round). Publishing comes strictly after the state change was stored; a crash between publishing and
 * removal publishes the event again on restart, and consumers deduplicate by {@code ce_id}. While Kafka is
 * down the entries simply stay in their documents.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    /** Hints kept at most; beyond that the next sweep finds the documents anyway. */
    private static final int MAX_HINTS = 100_000;
    /** How long a periodic sweep leaves an entry to the hint of the write that recorded it. */
    private static final Duration HINTED_GRACE = Duration.ofSeconds(10);

    private final MongoDatabase db;
    private final List<MongoCollection<Document>> collections;
    private final Producer<String, byte[]> producer;
    private final String source;
    private final Duration interval;
    private final Duration sweepInterval;
    private final Duration linger;
    private final Semaphore wake = new Semaphore(0);
    private final Queue<Written> hints = new ConcurrentLinkedQueue<>();
    private final AtomicInteger hintCount = new AtomicInteger();
    private volatile boolean sweepRequested = true;
    private volatile boolean running;
    private Thread thread;

    /** A document just written with these unpublished entries. */
    private record Written(String collection, Object id, List<OutboxEntry> entries) {
    }

    /**
     * @param interval      how long the relay waits for work when nothing wakes it
     * @param sweepInterval how often it scans the collections for entries no hint told it about (left by a crash,
     *                      or written through {@link #nudge()}); also at start
     * @param linger        how long a round waits for more hints when fewer than a batch are queued: under load each
     *                      round then sends more events in one Kafka request and removes them in one bulk write,
     *                      where a round per hint or two cost the broker a request each; adds at most this much to an
     *                      event's way out
     */
    public OutboxRelay(MongoDatabase db, List<String> collections, Producer<String, byte[]> producer, String source,
                       Duration interval, Duration sweepInterval, Duration linger) {
        this.db = db;
        this.collections = collections.stream().map(db::getCollection).toList();
        this.producer = producer;
        this.source = source;
        this.interval = interval;
        this.sweepInterval = sweepInterval;
        this.linger = linger;
    }

    public OutboxRelay(MongoDatabase db, List<String> collections, Producer<String, byte[]> producer, String source,
                       Duration interval) {
        this(db, collections, producer, source, interval, interval, Duration.ZERO);
    }

    /** Asks for a sweep of every outbox collection now instead of at the next tick. */
    public void nudge() {
        sweepRequested = true;
        wake();
    }

    /**
     * Tells the relay that this document was written carrying these entries: they are published straight away,
     * without a scan for them (the document is the record; the hint only saves looking for it).
     */
    public void written(String collection, Object id, List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (hintCount.incrementAndGet() > MAX_HINTS) {
            hintCount.decrementAndGet();
            sweepRequested = true;
        } else {
            hints.add(new Written(collection, id, List.copyOf(entries)));
        }
        wake();
    }

    private void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Publishes the entries of the documents hinted so far, and removes them from their documents once Kafka
     * has them. A hint whose entries fail is kept for the next round.
     *
     * @return how many entries were published and removed
     */
    public int relayHinted() throws InterruptedException {
        List<Written> batch = new ArrayList<>();
        for (Written w; batch.size() < BATCH && (w = hints.poll()) != null; ) {
            hintCount.decrementAndGet();
            batch.add(w);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (Written w : batch) {
            for (OutboxEntry e : w.entries()) {
                sends.add(producer.send(CloudEvents.toRecord(e, source)));
            }
        }
        producer.flush();
        int published = 0;
        int next = 0;
        boolean failed = false;
        Map<String, List<WriteModel<Document>>> removals = new LinkedHashMap<>();
        for (Written w : batch) {
            boolean allAcked = true;
            for (int j = 0; j < w.entries().size(); j++) {
                allAcked &= acked(sends.get(next++));
            }
            if (allAcked) {
                removals.computeIfAbsent(w.collection(), c -> new ArrayList<>())
                        .add(removal(w.id(), w.entries().stream().map(OutboxEntry::id).toList()));
                published += w.entries().size();
            } else {
                failed = true;
                hintCount.incrementAndGet();
                hints.add(w);
            }
        }
        removals.forEach((collection, removes) -> remove(db.getCollection(collection), removes));
        if (failed) {
            throw new IllegalStateException("some outbox entries could not be published; kept for the next round");
        }
        return published;
    }

    private static WriteModel<Document> removal(Object id, List<String> entryIds) {
        return new UpdateOneModel<>(Filters.eq("_id", id),
                Updates.pullByFilter(new Document(OutboxEntry.FIELD, new Document("id", new Document("$in", entryIds)))));
    }

    /** Removes published entries from their documents: one bulk write for the lot (each document its own update). */
    private static void remove(MongoCollection<Document> collection, List<WriteModel<Document>> removals) {
        if (!removals.isEmpty()) {
            collection.bulkWrite(removals, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * Publishes every pending entry once, scanning the outbox collections.
     *
     * @return how many entries were published and removed
     */
    public int relayOnce() throws InterruptedException {
        return sweep(null);
    }

    /**
     * @param freshFrom entries recorded at or after this instant are left alone (their writer's hint publishes
     *                  them); null publishes every entry
     */
    private int sweep(Instant freshFrom) throws InterruptedException {
        int published = 0;
        for (MongoCollection<Document> collection : collections) {
            List<Document> docs = collection.find(Filters.exists(OutboxEntry.FIELD + ".0"))
                    .projection(Projections.include(OutboxEntry.FIELD)).limit(BATCH).into(new ArrayList<>());
            if (docs.isEmpty()) {
                continue;
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            List<Object> ids = new ArrayList<>();
            List<List<String>> entryIds = new ArrayList<>();
            for (Document doc : docs) {
                List<String> sent = new ArrayList<>();
                for (Document d : doc.getList(OutboxEntry.FIELD, Document.class)) {
                    OutboxEntry e = OutboxEntry.fromDocument(d);
                    if (freshFrom != null && !e.time().isBefore(freshFrom)) {
                        continue;
                    }
                    sends.add(producer.send(CloudEvents.toRecord(e, source)));
                    sent.add(e.id());
                }
                if (sent.isEmpty()) {
                    continue;
                }
                ids.add(doc.get("_id"));
                entryIds.add(sent);
            }
            producer.flush();
            int next = 0;
            List<WriteModel<Document>> removals = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                List<String> sent = entryIds.get(i);
                boolean allAcked = true;
                for (int j = 0; j < sent.size(); j++) {
                    allAcked &= acked(sends.get(next++));
                }
                if (allAcked) {
                    removals.add(removal(ids.get(i), sent));
                    published += sent.size();
                }
            }
            remove(collection, removals);
        }
        return published;
    }

    private static boolean acked(Future<RecordMetadata> f) throws InterruptedException {
        try {
            f.get(30, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            log.warn("outbox publish failed, will retry: {}", e.toString());
            return false;
        }
    }

    /** Waits {@code linger} when some hints are queued but fewer than a batch, so the round takes more at once. */
    private void lingerForMoreHints() throws InterruptedException {
        int queued = hintCount.get();
        if (linger.isPositive() && queued > 0 && queued < BATCH) {
            TimeUnit.NANOSECONDS.sleep(linger.toNanos());
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    private void loop() {
        long backoff = 0;
        long nextSweep = 0;
        while (running) {
            try {
                wake.tryAcquire(backoff > 0 ? backoff : interval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                do {
                    lingerForMoreHints();
                } while (relayHinted() > 0 && running);
                if (sweepRequested || System.nanoTime() - nextSweep >= 0) {
                    // a periodic sweep leaves recent entries to their hints, so nothing goes out twice
                    Instant freshFrom = sweepRequested ? null : Instant.now().minus(HINTED_GRACE);
                    sweepRequested = false;
                    int n;
                    do {
                        n = sweep(freshFrom);
                    } while (n > 0 && running);
                    nextSweep = System.nanoTime() + sweepInterval.toNanos();
                }
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = Math.min(Math.max(backoff * 2, 200), 5_000);
                log.warn("outbox relay round failed, retrying in {} ms: {}", backoff, e.toString());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
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
