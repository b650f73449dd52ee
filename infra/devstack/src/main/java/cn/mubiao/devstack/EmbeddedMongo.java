package cn.mubiao.devstack;

import cn.mubiao.mongo.IdIndexedBackends;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One MongoDB wire-protocol server (mongo-java-server) on a fixed port. With a file it uses the H2 MVStore backend
 * (data survives restarts); without, the memory backend. Services pick their own database names on it.
 */
final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final int port;
    private final Path h2File;
    private MongoBackend backend;
    private MongoServer server;

    /** @param h2File the H2 database file, or {@code null} for the memory backend */
    EmbeddedMongo(int port, Path h2File) {
        this.port = port;
        this.h2File = h2File == null ? null : h2File.toAbsolutePath();
    }

    synchronized void start() {
        if (server != null) {
            return;
        }
        if (h2File != null) {
            try {
                Files.createDirectories(h2File.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + h2File.getParent(), e);
            }
            backend = IdIndexedBackends.h2(h2File.toString());
        } else {
            backend = IdIndexedBackends.memory();
        }
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        log.info("MongoDB wire server on {} ({})", connectionString(),
                h2File == null ? "memory backend" : "H2 backend " + h2File);
    }

    String connectionString() {
        return "mongodb://localhost:" + port;
    }

    int port() {
        return port;
    }

    synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        backend.close();
        server = null;
        backend = null;
        log.info("MongoDB wire server on port {} stopped", port);
    }
}
