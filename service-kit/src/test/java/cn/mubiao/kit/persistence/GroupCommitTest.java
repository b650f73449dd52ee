package cn.mubiao.kit.persistence;

import cn.mubiao.kit.testing.InMemoryMongo;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GroupCommitTest {

    @Test
    void writesArrivingWhileABatchIsWrittenGoTogetherInTheNextAndEachCallerGetsItsOwnOutcome() throws Exception {
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        List<List<Integer>> batches = new CopyOnWriteArrayList<>();
        GroupCommit<Integer, String> commit = new GroupCommit<>(100, batch -> {
            batches.add(batch);
            if (batches.size() == 1) {
                hold(firstMayFinish);
            }
            return batch.stream().map(i -> i % 2 == 0 ? GroupCommit.Outcome.of("even " + i)
                    : GroupCommit.Outcome.<String>failed(new IllegalArgumentException("odd " + i))).toList();
        });
        List<Future<String>> calls = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            calls.add(pool.submit(() -> commit.write(0)));
            await().atMost(Duration.ofSeconds(5)).until(() -> batches.size() == 1);
            for (int i = 1; i <= 5; i++) {
                int item = i;
                calls.add(pool.submit(() -> commit.write(item)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> commit.waiting() == 5);
            firstMayFinish.countDown();

            assertThat(calls.get(0).get(10, TimeUnit.SECONDS)).isEqualTo("even 0");
            assertThat(calls.get(2).get(10, TimeUnit.SECONDS)).isEqualTo("even 2");
            assertThat(calls.get(4).get(10, TimeUnit.SECONDS)).isEqualTo("even 4");
            assertThatThrownBy(() -> calls.get(3).get(10, TimeUnit.SECONDS)).hasRootCauseMessage("odd 3");
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly(0);
        assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aWriterThatThrowsFailsEveryCallerOfItsBatch() {
        GroupCommit<Integer, String> commit = new GroupCommit<>(10, batch -> {
            throw new IllegalStateException("the database is gone");
        });

        assertThatThrownBy(() -> commit.write(1)).hasMessage("the database is gone");
    }

    @Test
    void anItemTheWriterGaveNoOutcomeFailsInsteadOfWaitingForever() {
        GroupCommit<Integer, String> commit = new GroupCommit<>(10, batch -> Arrays.asList((GroupCommit.Outcome<String>) null));

        assertThatThrownBy(() -> commit.write(1)).hasMessageContaining("no outcome");
    }

    @Test
    void groupedCreatesMakeEachNewDocumentOnceAndRefuseTheOnesThatExist() {
        try (MongoClient client = MongoClients.create(InMemoryMongo.uri("group-commit"))) {
            groupedCreates(client.getDatabase("group-commit-" + new ObjectId()).getCollection("reports"));
        }
    }

    private static void groupedCreates(MongoCollection<Document> reports) {
        GuardedWrite.Grouped writes = GuardedWrite.grouped(reports);

        assertThat(writes.create(new Document("_id", "r-1").append("v", 1).append("version", 1))).isTrue();
        assertThat(writes.create(new Document("_id", "r-1").append("v", 2).append("version", 1)))
                .as("one exists").isFalse();
        assertThat(reports.find(new Document("_id", "r-1")).first()).containsEntry("v", 1);
        assertThat(writes.changeAt("r-1", 1, Updates.combine(Updates.set("v", 3), Updates.set("version", 2)))).isTrue();
        assertThat(writes.changeAt("r-1", 1, Updates.set("v", 4))).as("changed by another first").isFalse();
        assertThat(reports.find(new Document("_id", "r-1")).first()).containsEntry("v", 3);
        assertThatThrownBy(() -> writes.create(new Document("v", 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCreateTheServerRefusesForAnotherReasonFailsOnlyItsOwnCallerAndTheBatchIsStored() {
        try (MongoClient client = MongoClients.create(InMemoryMongo.uri("group-commit"))) {
            MongoCollection<Document> reports = client.getDatabase("group-commit-" + new ObjectId())
                    .getCollection("reports");
            reports.insertOne(new Document("_id", "r-old").append("version", 1));
            GuardedWrite.Grouped writes = GuardedWrite.grouped(reports);

            List<GroupCommit.Outcome<Boolean>> outcomes = writes.createAll(List.of(
                    new Document("_id", "r-1").append("version", 1),
                    new Document("_id", List.of("r-bad")).append("version", 1), // an _id the server refuses
                    new Document("_id", "r-old").append("version", 1),
                    new Document("_id", "r-2").append("version", 1)));

            assertThat(outcomes.get(0)).isEqualTo(GroupCommit.Outcome.of(true));
            assertThat(outcomes.get(1).failure()).isInstanceOf(MongoBulkWriteException.class);
            assertThat(outcomes.get(2)).as("one exists").isEqualTo(GroupCommit.Outcome.of(false));
            assertThat(outcomes.get(3)).isEqualTo(GroupCommit.Outcome.of(true));
            assertThat(reports.find(Filters.in("_id", "r-1", "r-2", "r-bad", List.of("r-bad"))).map(d -> d.get("_id")).into(
                    new ArrayList<>())).containsExactlyInAnyOrder("r-1", "r-2");
        }
    }

    @Test
    void aSingleCreateRefusedForAnotherReasonThanADuplicateThrowsInsteadOfClaimingOneExists() {
        try (MongoClient client = MongoClients.create(InMemoryMongo.uri("group-commit"))) {
            MongoCollection<Document> reports = client.getDatabase("group-commit-" + new ObjectId())
                    .getCollection("reports");

            assertThatThrownBy(() -> GuardedWrite.create(reports, "r-bad",
                    Updates.combine(Updates.set("v", 1), Updates.inc("v", 1))))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(GuardedWrite.create(reports, "r-1", Updates.set("version", 1))).isTrue();
            assertThat(GuardedWrite.create(reports, "r-1", Updates.set("version", 1))).as("one exists").isFalse();
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
