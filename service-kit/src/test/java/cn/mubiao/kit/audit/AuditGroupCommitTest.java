package cn.mubiao.kit.audit;

import cn.mubiao.kit.testing.InMemoryMongo;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Records of calls that arrive together are stored in one insert; each call returns only once its own is stored. */
class AuditGroupCommitTest {

    final CountDownLatch firstInsertMayGo = new CountDownLatch(1);
    final List<Integer> insertsSent = new CopyOnWriteArrayList<>();
    final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(InMemoryMongo.uri("audit-group")))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("insert")) {
                        insertsSent.add(event.getCommand().getArray("documents").size());
                        if (insertsSent.size() == 1) { // hold the first insert until the others wait behind it
                            hold(firstInsertMayGo);
                        }
                    }
                }
            }).build());
    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void recordsArrivingWhileAnInsertRunsAreStoredTogetherInTheNextOne() throws Exception {
        var db = client.getDatabase("audit-group-" + new ObjectId());
        MongoCollection<Document> stored = db.getCollection(AuditLog.COLLECTION);
        AuditLog log = new AuditLog(db);
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(new ObjectId());
        }
        List<Future<Boolean>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            calls.add(pool.submit(() -> storedOnReturn(log, stored, ids.getFirst())));
            await().atMost(Duration.ofSeconds(5)).until(() -> insertsSent.size() == 1);
            for (ObjectId id : ids.subList(1, 8)) {
                calls.add(pool.submit(() -> storedOnReturn(log, stored, id)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> log.waiting() == 7);
            firstInsertMayGo.countDown();
            for (Future<Boolean> call : calls) {
                assertThat(call.get(10, TimeUnit.SECONDS)).as("its record was stored when the call returned").isTrue();
            }
        }

        assertThat(insertsSent).as("documents per insert command").containsExactly(1, 7);
        assertThat(stored.countDocuments()).isEqualTo(8);
    }

    private static boolean storedOnReturn(AuditLog log, MongoCollection<Document> stored, ObjectId id) {
        log.insert(record(id));
        return stored.find(new Document("_id", id)).first() != null;
    }

    private static AuditRecord record(ObjectId id) {
        return new AuditRecord(id, Instant.parse("2026-11-23T08:00:00Z"), "req-" + id, "zy-reporter", "sub", "410102",
                List.of("reporter"), "console", "POST", "/api/progress/reports", Map.of(), null, List.of(), 201,
                "203.0.113.7");
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
