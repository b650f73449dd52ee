package cn.mubiao.kit.testing;

import de.bwaldvogel.mongo.MongoServer;
import cn.mubiao.mongo.IdIndexedBackends;

/** A MongoDB wire-protocol server in memory, one per test JVM, for service tests. */
public final class InMemoryMongo {

    private static MongoServer server;

    private InMemoryMongo() {
    }

    /** The connection string of a fresh database on the shared in-memory server. */
    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(IdIndexedBackends.memory());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + database;
    }
}
