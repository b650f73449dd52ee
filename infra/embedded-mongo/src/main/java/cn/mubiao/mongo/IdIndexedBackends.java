package cn.mubiao.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVStore;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * mongo-java-server backends (memory and H2) that answer a query naming one {@code _id} through the {@code _id}
 * index even when it has further conditions. As shipped, the server uses an index only when the query's fields
 * are exactly the index's, so {@code {$and: [{_id: X}, {version: 3}]}} — every optimistic write the services
 * make ({@code GuardedWrite}) — matched every document of the collection: O(n) per write. Here such a query looks up
 * the one document by {@code _id} and then matches the whole query against it, as MongoDB itself does.
 *
 * <p>A query for a list of {@code _id}s ({@code $in}) and nothing else answers the documents the index finds for
 * them, without matching each again against the whole list.
 *
 * <p>And a collection's data size (what {@code collStats} and {@code validate} answer) is measured when asked, by
 * encoding the documents then, where the library encoded every document written, and both versions of every
 * updated one, on each write only to keep a running total: for a document of 100 KiB, two full BSON encodings per
 * update, whichever field changed (infra/bench/warning-latency's flight recording: 12 % of the embedded
 * infrastructure's CPU). Nothing else changes: storage, formats and every other query path are the library's.
 *
 * <p>The memory backend can also say where its time goes, by collection ({@link CommandTimes}, off by default).
 */
public final class IdIndexedBackends {

    private IdIndexedBackends() {
    }

    public static MongoBackend memory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String name) {
                return new MemoryDatabase(name, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                        return new MemoryCollection(this, collection, options, cursorRegistry) {
                            @Override
                            protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit,
                                                                 int batchSize, Document projection) {
                                Iterable<Integer> byId = byId(this, query);
                                return byId != null ? matchDocuments(query, byId, orderBy, skip, limit, batchSize, projection)
                                        : super.matchDocuments(query, orderBy, skip, limit, batchSize, projection);
                            }

                            @Override
                            protected QueryResult matchDocuments(Document query, Iterable<Integer> positions,
                                                                 Document orderBy, int skip, int limit, int batchSize,
                                                                 Document projection) {
                                return super.matchDocuments(onlyIdsIn(query) ? new Document() : query, positions,
                                        orderBy, skip, limit, batchSize, projection);
                            }

                            @Override
                            protected boolean tracksDataSize() {
                                return false;
                            }

                            @Override
                            public Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                            boolean isMulti, boolean isUpsert, Oplog oplog) {
                                return CommandTimes.timed("update", this, () ->
                                        super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog));
                            }

                            @Override
                            public List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
                                return CommandTimes.timed("insert", this, () ->
                                        super.insertDocuments(documents, isOrdered));
                            }

                            @Override
                            public QueryResult handleQuery(QueryParameters query) {
                                return CommandTimes.timed("query", this, () -> super.handleQuery(query));
                            }

                            @Override
                            protected synchronized int getDataSize() {
                                return sizeOf(streamAllDocumentsWithPosition());
                            }
                        };
                    }
                };
            }
        };
    }

    /** The H2 MVStore backend on a file, as {@code new H2Backend(file)}. */
    public static MongoBackend h2(String file) {
        return new H2Backend(file) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String name) {
                MVStore store = getMvStore();
                return new H2Database(name, store, getCursorRegistry()) {
                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                        // the library's own map names, so files written before stay readable
                        String fullName = getFullCollectionNamespace(collection);
                        return new IdIndexedH2Collection(this, collection, options, store.openMap("databases." + fullName),
                                store.openMap("meta." + fullName), cursorRegistry);
                    }
                };
            }
        };
    }

    private static final class IdIndexedH2Collection extends H2Collection {
        IdIndexedH2Collection(MongoDatabase db, String name, CollectionOptions options,
                              org.h2.mvstore.MVMap<Object, Document> data, org.h2.mvstore.MVMap<String, Object> meta,
                              CursorRegistry cursors) {
            super(db, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document projection) {
            Iterable<Object> byId = byId(this, query);
            return byId != null ? matchDocuments(query, byId, orderBy, skip, limit, batchSize, projection)
                    : super.matchDocuments(query, orderBy, skip, limit, batchSize, projection);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int skip,
                                             int limit, int batchSize, Document projection) {
            return super.matchDocuments(onlyIdsIn(query) ? new Document() : query, positions, orderBy, skip, limit,
                    batchSize, projection);
        }

        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        @Override
        protected synchronized int getDataSize() {
            return sizeOf(streamAllDocumentsWithPosition());
        }
    }

    /** The documents' size in BSON, as the library's running total counted it. */
    private static int sizeOf(Stream<? extends DocumentWithPosition<?>> documents) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            long size = 0;
            for (Iterator<? extends DocumentWithPosition<?>> it = documents.iterator(); it.hasNext(); ) {
                buffer.clear();
                BsonEncoder.encodeDocument(it.next().getDocument(), buffer);
                size += buffer.writerIndex();
            }
            return (int) Math.min(size, Integer.MAX_VALUE);
        } finally {
            buffer.release();
        }
    }

    /** The positions the {@code _id} index gives for the query's plain {@code _id}, or null to scan as before. */
    private static <P> Iterable<P> byId(AbstractMongoCollection<P> collection, Document query) {
        Object id = idOf(query);
        if (id == null) {
            return null;
        }
        Document byId = new Document("_id", id);
        for (Index<P> index : collection.getIndexes()) {
            if (index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }

    /**
     * The plain {@code _id} a query asks for: {@code {_id: X, …}}, or one of the terms of a top-level {@code $and}
     * (the Java driver writes {@code Filters.and(eq("_id", X), …)} as {@code {$and: [{_id: X}, …]}}).
     */
    private static Object idOf(Document query) {
        if (query.containsKey("_id")) {
            return plain(query.get("_id"));
        }
        if (query.get("$and") instanceof Collection<?> terms) {
            for (Object term : terms) {
                if (term instanceof Document d && d.containsKey("_id")) {
                    Object id = plain(d.get("_id"));
                    if (id != null) {
                        return id;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Whether the query is {@code {_id: {$in: [...]}}} and nothing else, of string or ObjectId values: the {@code _id}
     * index's positions for it are then exactly its documents, which the library would match again, each against
     * the whole list (a query for n ids: n × n comparisons, 2.6 million for 1,600 ids).
     */
    private static boolean onlyIdsIn(Document query) {
        if (query.size() != 1 || !(query.get("_id") instanceof Document condition) || condition.size() != 1
                || !(condition.get("$in") instanceof Collection<?> ids)) {
            return false;
        }
        for (Object id : ids) {
            if (!(id instanceof String || id instanceof ObjectId)) {
                return false;
            }
        }
        return true;
    }

    private static Object plain(Object id) {
        if (id == null || id instanceof Collection<?> || id instanceof Pattern
                || BsonRegularExpression.isRegularExpression(id)
                || id instanceof Document d && d.keySet().stream().anyMatch(k -> k.startsWith("$"))) {
            return null;
        }
        return id;
    }
}
