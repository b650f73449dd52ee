package cn.mubiao.devstack;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
    void servicesUseSeparateDatabasesOnOneServer() {
        try (EmbeddedMongo mongo = new EmbeddedMongo(Ports.freePort(), null);
             MongoClient client = startAndConnect(mongo)) {
            client.getDatabase("target-service").getCollection("items").insertOne(new Document("k", 1));
            client.getDatabase("scoring-service").getCollection("items").insertOne(new Document("k", 2));

            assertThat(client.getDatabase("target-service").getCollection("items").countDocuments()).isEqualTo(1);
            assertThat(client.listDatabaseNames()).contains("target-service", "scoring-service");
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
