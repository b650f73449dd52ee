package cn.mubiao.kit.events;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the events that aggregates carry in their {@code outbox} array, then removes them from the
 * document. Publishing comes strictly after the state change was stored; a crash between publishing and
 * removal publishes the event again on restart, and consumers deduplicate by {@code ce_id}. While Kafka is
 * down the entries simply stay in their documents.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final List<MongoCollection<Document>> collections;
    private final Producer<String, byte[]> producer;
    private final String source;
    private final Duration interval;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(MongoDatabase db, List<String> collections, Producer<String, byte[]> producer, String source,
                       Duration interval) {
        this.collections = collections.stream().map(db::getCollection).toList();
        this.producer = producer;
        this.source = source;
        this.interval = interval;
    }

    /** Asks for a sweep now instead of at the next tick. */
    public void nudge() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /**
     * Publishes every pending entry once.
     *
     * @return how many entries were published and removed
     */
    public int relayOnce() throws InterruptedException {
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
                    sends.add(producer.send(CloudEvents.toRecord(e, source)));
                    sent.add(e.id());
                }
                ids.add(doc.get("_id"));
                entryIds.add(sent);
            }
            producer.flush();
            int next = 0;
            for (int i = 0; i < ids.size(); i++) {
                List<String> sent = entryIds.get(i);
                boolean allAcked = true;
                for (int j = 0; j < sent.size(); j++) {
                    allAcked &= acked(sends.get(next++));
                }
                if (allAcked) {
                    collection.updateOne(Filters.eq("_id", ids.get(i)),
                            Updates.pullByFilter(new Document(OutboxEntry.FIELD, new Document("id", new Document("$in", sent)))));
                    published += sent.size();
                }
            }
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

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon(true).start(this::loop);
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                wake.tryAcquire(backoff > 0 ? backoff : interval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                int n;
                do {
                    n = relayOnce();
                } while (n > 0 && running);
                backoff = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = Math.min(Math.max(backoff * 2, 200), 5_000);
                log.warn("outbox relay sweep failed, retrying in {} ms: {}", backoff, e.toString());
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
