package cn.mubiao.devstack;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedMongoTest {

    @Test
    void memoryBackendStoresDocumentsAndEnforcesAUniqueIndex() {
        try (EmbeddedMongo mongo = new EmbeddedMongo(Ports.freePort(), null);
             MongoClient client = startAndConnect(mongo)) {
            MongoCollection<Document> targets = client.getDatabase("target-service").getCollection("targets");

            insertAndCheckUniqueness(targets);
        }
    }

    @Test
    void h2BackendStoresDocumentsAndEnforcesAUniqueIndex(@TempDir Path dir) {
        try (EmbeddedMongo mongo = new EmbeddedMongo(Ports.freePort(), dir.resolve("mongo.mv.db"));
             MongoClient client = startAndConnect(mongo)) {
            MongoCollection<Document> targets = client.getDatabase("target-service").getCollection("targets");

            insertAndCheckUniqueness(targets);
        }
    }

    @Test
    void aQueryNamingAnIdWithFurtherConditionsMatchesTheWholeQueryOnBothBackends(@TempDir Path dir) {
        onBothBackends(dir, "guard.mv.db", (backend, client) -> {
            MongoCollection<Document> reports = client.getDatabase("progress-service").getCollection("reports");
            for (int i = 0; i < 50; i++) {
                reports.insertOne(new Document("_id", "r" + i).append("version", 3L).append("status", "SUBMITTED"));
            }

            assertThat(reports.updateOne(Filters.and(Filters.eq("_id", "r7"), Filters.eq("version", 2L)),
                    Updates.set("status", "ACCEPTED")).getModifiedCount()).as("a stale version changes nothing").isZero();
            assertThat(reports.updateOne(Filters.and(Filters.eq("_id", "r7"), Filters.eq("version", 3L)),
                    Updates.combine(Updates.set("status", "ACCEPTED"), Updates.inc("version", 1L))).getModifiedCount()).isOne();
            assertThat(reports.find(Filters.eq("_id", "r7")).first().getLong("version")).isEqualTo(4L);
            assertThat(reports.find(new Document("_id", "r8").append("status", "ACCEPTED")).first()).isNull();
            assertThat(reports.find(Filters.and(Filters.eq("_id", "r9"), Filters.or(Filters.exists("version", false),
                    Filters.lte("version", 3L)))).first()).isNotNull();
            // not a plain id: matched as before
            assertThat(reports.countDocuments(Filters.and(Filters.in("_id", "r1", "r2"), Filters.eq("version", 3L)))).isEqualTo(2);
            assertThat(reports.countDocuments(Filters.regex("_id", "^r4"))).isEqualTo(1 + 10);
            // creating only where none is yet
            assertThatThrownBy(() -> reports.updateOne(Filters.and(Filters.eq("_id", "r1"), Filters.exists("version", false)),
                    Updates.set("version", 1L), new UpdateOptions().upsert(true))).isInstanceOf(MongoWriteException.class);
            reports.updateOne(Filters.and(Filters.eq("_id", "new"), Filters.exists("version", false)),
                    Updates.set("version", 1L), new UpdateOptions().upsert(true));
            assertThat(reports.find(Filters.eq("_id", "new")).first().getLong("version")).isEqualTo(1L);
        });
    }

    @Test
    void aQueryForAListOfIdsAnswersExactlyThoseDocumentsOnBothBackends(@TempDir Path dir) {
        onBothBackends(dir, "in.mv.db", (backend, client) -> {
            MongoCollection<Document> facts = client.getDatabase("scoring-service").getCollection("facts");
            for (int i = 0; i < 50; i++) {
                facts.insertOne(new Document("_id", "2030|a" + i).append("n", i));
            }
            ObjectId oid = new ObjectId();
            facts.insertOne(new Document("_id", oid).append("n", 99));
            facts.insertOne(new Document("_id", 7).append("n", 7));

            List<Document> found = facts.find(Filters.in("_id", "2030|a3", "2030|a3", "2030|a47", "2030|none", "2030|a7"))
                    .sort(Sorts.descending("_id")).projection(Projections.include("n")).into(new ArrayList<>());
            assertThat(found).extracting(d -> d.getInteger("n")).containsExactly(7, 47, 3);
            assertThat(facts.find(Filters.in("_id", List.of(oid, "2030|a0"))).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("n")).containsExactlyInAnyOrder(99, 0);
            assertThat(facts.find(Filters.in("_id", List.of())).into(new ArrayList<>())).isEmpty();
            assertThat(facts.find(Filters.in("_id", "2030|a1", "2030|a2", "2030|a4")).limit(2).into(new ArrayList<>()))
                    .hasSize(2);
            // other values, and an $in beside further conditions, are matched as before
            assertThat(facts.find(Filters.in("_id", 7, 7L, "2030|a9")).into(new ArrayList<>()))
                    .extracting(d -> d.getInteger("n")).containsExactlyInAnyOrder(7, 9);
            assertThat(facts.countDocuments(Filters.and(Filters.in("_id", "2030|a1", "2030|a2"), Filters.gt("n", 1))))
                    .isOne();
        });
    }

    @Test
    void anH2FileWrittenByTheLibrarysOwnBackendStaysReadable(@TempDir Path dir) {
        Path file = dir.resolve("plain.mv.db");
        de.bwaldvogel.mongo.backend.h2.H2Backend plain = new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString());
        de.bwaldvogel.mongo.MongoServer server = new de.bwaldvogel.mongo.MongoServer(plain);
        int port = Ports.freePort();
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
            client.getDatabase("target-service").getCollection("units").insertOne(new Document("_id", "410102").append("name", "中原区"));
        } finally {
            server.shutdownNow();
            plain.close();
        }

        try (EmbeddedMongo mongo = new EmbeddedMongo(Ports.freePort(), file);
             MongoClient client = startAndConnect(mongo)) {
            Document unit = client.getDatabase("target-service").getCollection("units").find(Filters.eq("_id", "410102")).first();
            assertThat(unit).isNotNull();
            assertThat(unit.getString("name")).isEqualTo("中原区");
        }
    }

    @Test
    void h2BackendKeepsDocumentsAndIndexesWhenTheServerRestartsOnTheSameFile(@TempDir Path dir) {
        Path file = dir.resolve("mongo").resolve("mubiao.mv.db");
        int port = Ports.freePort();
        try (EmbeddedMongo mongo = new EmbeddedMongo(port, file);
             MongoClient client = startAndConnect(mongo)) {
            MongoCollection<Document> progress = client.getDatabase("progress-service").getCollection("reports");
            progress.createIndex(Indexes.ascending("reportId"), new IndexOptions().unique(true));
            progress.insertOne(new Document("reportId", "R-1").append("text", "一季度完成 26%"));
        }
        assertThat(file).exists();

        try (EmbeddedMongo mongo = new EmbeddedMongo(port, file);
             MongoClient client = startAndConnect(mongo)) {
            MongoCollection<Document> progress = client.getDatabase("progress-service").getCollection("reports");

            Document found = progress.find(new Document("reportId", "R-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("text")).isEqualTo("一季度完成 26%");
            assertThatThrownBy(() -> progress.insertOne(new Document("reportId", "R-1")))
                    .isInstanceOfSatisfying(MongoWriteException.class, e ->
                            assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        }
    }

    @Test
    void aCollectionsDataSizeIsTheBsonSizeOfItsDocumentsAfterInsertsUpdatesAndDeletesOnBothBackends(@TempDir Path dir) {
        onBothBackends(dir, "size.mv.db", (backend, client) -> {
            MongoDatabase db = client.getDatabase("scoring-service");
            MongoCollection<Document> years = db.getCollection("unit_years");
            for (int i = 0; i < 20; i++) {
                years.insertOne(new Document("_id", "2026-" + i).append("version", 1L).append("assignments", List.of(
                        new Document("assignmentId", "a" + i).append("actual", 3.5))));
            }
            years.updateOne(Filters.eq("_id", "2026-3"), Updates.combine(Updates.push("assignments",
                    new Document("assignmentId", "b3").append("narrative", "进展顺利".repeat(40))), Updates.inc("version", 1L)));
            years.updateOne(Filters.eq("_id", "2026-4"), Updates.unset("assignments"));
            years.deleteOne(Filters.eq("_id", "2026-5"));

            long stored = 0;
            for (RawBsonDocument d : years.withDocumentClass(RawBsonDocument.class).find()) {
                stored += d.getByteBuffer().remaining();
            }
            Document stats = db.runCommand(new Document("collStats", "unit_years"));
            assertThat(stats.get("count", Number.class).longValue()).isEqualTo(19);
            assertThat(stats.get("size", Number.class).longValue()).as(backend).isEqualTo(stored);
        });
    }

    @Test
    void servicesUseSeparateDatabasesOnOneServer() {
        try (EmbeddedMongo mongo = new EmbeddedMongo(Ports.freePort(), null);
             MongoClient client = startAndConnect(mongo)) {
            client.getDatabase("target-service").getCollection("items").insertOne(new Document("k", 1));
            client.getDatabase("scoring-service").getCollection("items").insertOne(new Document("k", 2));

            assertThat(client.getDatabase("target-service").getCollection("items").countDocuments()).isEqualTo(1);
            assertThat(client.listDatabaseNames()).contains("target-service", "scoring-service");
        }
    }

    /** Runs {@code check} against a server on each backend: memory, then H2 on {@code file} in {@code dir}. */
    private static void onBothBackends(Path dir, String file, BiConsumer<String, MongoClient> check) {
        for (Path path : new Path[]{null, dir.resolve(file)}) {
            try (EmbeddedMongo mongo = new EmbeddedMongo(Ports.freePort(), path);
                 MongoClient client = startAndConnect(mongo)) {
                check.accept(path == null ? "memory" : "h2", client);
            }
        }
    }

    private static MongoClient startAndConnect(EmbeddedMongo mongo) {
        mongo.start();
        return MongoClients.create(mongo.connectionString());
    }

    private static void insertAndCheckUniqueness(MongoCollection<Document> targets) {
        targets.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        targets.insertOne(new Document("code", "T-2026-001").append("title", "新增市场主体 5 万户"));

        Document found = targets.find(new Document("code", "T-2026-001")).first();
        assertThat(found).isNotNull();
        assertThat(found.getString("title")).isEqualTo("新增市场主体 5 万户");
        assertThatThrownBy(() -> targets.insertOne(new Document("code", "T-2026-001")))
                .isInstanceOfSatisfying(MongoWriteException.class, e ->
                        assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
}
