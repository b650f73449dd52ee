package cn.mubiao.system.bench;

import cn.mubiao.contracts.Frequency;
import cn.mubiao.contracts.IndicatorKind;
import cn.mubiao.contracts.Topics;
import cn.mubiao.contracts.target.TargetAssigned;
import cn.mubiao.devstack.DevStack;
import cn.mubiao.devstack.DevStackOptions;
import cn.mubiao.system.PlatformAccess;
import cn.mubiao.system.ServiceProcess;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * Month-end burst (issue 5): sustained report submissions through progress-service — HTTP with real JSON and real
 * bearer tokens, the MongoDB-protocol server the platform runs on (memory backend), a real Kafka broker (KRaft) —
 * with the service's event consumer and outbox relay running, so every accepted report's {@code ProgressReported}
 * really travels to {@code mubiao.progress.events} during the run. Prints accepted reports/s, p50/p99, the outbox
 * lag, and the ratio of the accepted rate to the raw insertOne rate of the same stored documents into the same
 * server, same run, same concurrency.
 *
 * <p>progress-service runs as its own JVM from its built jar ({@link ServiceProcess}, as {@code ./mubiao up} runs
 * it), with the full JIT; Kafka, the MongoDB-protocol server and the load generator share this JVM (as the devstack
 * of {@code up} would share its own). Tokens come from a {@link LocalIssuer}: the service validates them as it does
 * Keycloak's, without a Keycloak JVM on the shared 2 cores.
 *
 * <p>Not part of the test suite (failsafe runs {@code *IT} only): run it with {@code infra/bench/progress-burst}.
 * Knobs: {@code -Dbench.assignments} (25,000), {@code -Dbench.concurrency} (16), {@code -Dbench.warmup} (120 s: the JIT of
 * the service and of this JVM; on the two slower cores of 2026-11-24 the service's compiler threads took a fifth of
 * the machine for the first 60–90 s of load and 0.4–2.5 % after about 100 s),
 * {@code -Dbench.seconds} (15 s), {@code -Dbench.raw} (documents in the raw baseline, default 10,000),
 * {@code -Dbench.jfr=<folder>} (flight recordings of the measured slice: this JVM and the service's).
 * Each assignment is reported once a month of 2025, January first: when all twelve passes are done, the slice ends
 * early and says so.
 */
class ProgressBurstBench {

    static final int ASSIGNMENTS = Integer.getInteger("bench.assignments", 25_000);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 120));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 15));
    static final int RAW = Integer.getInteger("bench.raw", 10_000);
    static final String JFR = System.getProperty("bench.jfr", "");
    /**
     * The months reported, one pass over all assignments each (January's reports first, then February's …): twelve
     * reports per seeded assignment, so a warm-up long enough for the JIT needs no more seeding.
     */
    static final int MONTHS = 12;
    static final int YEAR = 2025;
    /** 中原区 and 99 of its townships: one reporter token each. */
    static final List<String> UNITS = IntStream.rangeClosed(0, 99)
            .mapToObj(i -> i == 0 ? "410102" : String.format(Locale.ROOT, "410102%03d", i)).toList();

    @Test
    void monthEndBurst() throws Exception {
        DevStack stack = DevStack.start(DevStackOptions.builder().build());
        try (stack; LocalIssuer issuer = new LocalIssuer();
             MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers());
            env.put("KEYCLOAK_ISSUER_URI", issuer.issuer());
            env.put("KEYCLOAK_JWK_SET_URI", issuer.jwkSetUri());
            env.put("MONGODB_URI", stack.mongoUri().replaceAll("/+$", "") + "/progress");
            try (ServiceProcess service = ServiceProcess.start(PlatformAccess.root(), "progress-service",
                    PlatformAccess.freePort(), env)) {
                service.awaitHealthy(Duration.ofSeconds(180));
                burst(stack, issuer, mongo.getDatabase("progress"), service);
            }
        }
    }

    private void burst(DevStack stack, LocalIssuer issuer, MongoDatabase db, ServiceProcess service) throws Exception {
        // 1. the read model: TargetAssigned events on the target topic, as target-service's relay writes them
        List<String> ids = IntStream.range(0, ASSIGNMENTS).mapToObj(i -> String.format(Locale.ROOT, "BURST-%06d@%s", i,
                UNITS.get(i % UNITS.size()))).toList();
        long t0 = System.nanoTime();
        seed(stack.kafkaBootstrapServers(), ids);
        MongoCollection<Document> assignments = db.getCollection("assignments");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (assignments.estimatedDocumentCount() < ASSIGNMENTS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("progress-service has only " + assignments.estimatedDocumentCount()
                        + " of " + ASSIGNMENTS + " assignments after 10 minutes; see " + service.log);
            }
            Thread.sleep(250);
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;

        Map<String, String> tokens = new HashMap<>();
        for (String unit : UNITS) {
            tokens.put(unit, issuer.token("reporter-" + unit, unit, 3600, "county", "reporter"));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        URI uri = URI.create(service.url() + "/api/progress/reports");
        AtomicInteger next = new AtomicInteger();
        MongoCollection<Document> reports = db.getCollection("reports");

        // 2. warm-up, then the measured slice; the submissions go on from one to the other
        System.out.println("phase warm-up from " + Instant.now()); // in the full output: windows for infra/bench/jvm-cpu
        Load warm = load(http, uri, ids, tokens, next, WARMUP);
        long storedBefore = reports.estimatedDocumentCount();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        Profile profile = Profile.start(service);
        long serviceCpu0 = service.cpuNanos();
        long localCpu0 = os.getProcessCpuTime();
        System.out.println("phase measured from " + Instant.now());
        Load measured = load(http, uri, ids, tokens, next, MEASURE);
        System.out.println("phase measured until " + Instant.now());
        double serviceCpuMs = (service.cpuNanos() - serviceCpu0) / 1e6;
        double localCpuMs = (os.getProcessCpuTime() - localCpu0) / 1e6;
        profile.stop();
        double loadAfter = os.getSystemLoadAverage();
        long storedAfter = reports.estimatedDocumentCount();

        // 3. the outbox: what reached Kafka by the end of the slice, and when all of it had
        int accepted = warm.accepted + measured.accepted;
        long onKafkaAtEnd;
        double drainSeconds = Double.NaN;
        long onKafka;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, "bench-offsets"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PROGRESS_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            onKafkaAtEnd = records(consumer, partitions);
            long drainStart = System.nanoTime();
            onKafka = onKafkaAtEnd;
            while (onKafka < accepted && System.nanoTime() - drainStart < TimeUnit.SECONDS.toNanos(30)) {
                Thread.sleep(50);
                onKafka = records(consumer, partitions);
            }
            if (onKafka >= accepted) {
                drainSeconds = (System.nanoTime() - drainStart) / 1e9;
            }
        }

        // 4. what the trap costs: a lookup by a uniquely indexed field (the memory backend scans the whole collection
        // for it, index or not) for a value not there, as for a fresh idempotency key; against a lookup by _id
        Document anyStored = reports.find().first();
        Document unindexed = new Document(firstUniqueField(reports), "bench-no-such-value");
        double scanMs = time(() -> reports.find(unindexed).first(), 5);
        double idMs = time(() -> reports.find(new Document("_id", anyStored.get("_id"))).first(), 200);

        // 5. the baseline: the same stored documents, inserted raw into the same server at the same concurrency
        Raw raw = rawInsert(db, reports, Math.min(RAW, (int) reports.estimatedDocumentCount()));
        // and the scan once every assignment has its report: copies up to ASSIGNMENTS documents, no index
        double scanAllMs = scanAt(db, raw.sample, ASSIGNMENTS, unindexed);

        double rate = measured.accepted / measured.seconds;
        System.out.println();
        System.out.println("PROGRESS MONTH-END BURST (issue 5: POST /api/progress/reports, " + CONCURRENCY
                + " concurrent clients, progress-service in its own JVM, consumer and outbox relay on)");
        System.out.printf(Locale.ROOT, "assignments seeded:    %,d via TargetAssigned on %s, read model complete in %.1f s%n",
                ASSIGNMENTS, Topics.TARGET_EVENTS, seedSeconds);
        System.out.printf(Locale.ROOT, "warm-up:               %,d accepted in %.1f s (%,.0f/s)%s%n", warm.accepted, warm.seconds,
                warm.accepted / warm.seconds, warm.errorLine());
        System.out.printf(Locale.ROOT, "accepted (201):        %,d in %.1f s = %,.0f reports/s (goal >= 1,000)%s%n",
                measured.accepted, measured.seconds, rate, measured.exhausted ? "  [ran out of assignments]" : "");
        System.out.printf(Locale.ROOT, "latency:               p50 %.2f ms   p99 %.2f ms (goal < 50)   max %.2f ms%n",
                measured.percentile(0.50), measured.percentile(0.99), measured.percentile(1.0));
        System.out.printf(Locale.ROOT, "errors:                %d%s%n", measured.errors(), measured.errorLine());
        System.out.printf(Locale.ROOT, "reports stored:        %,d at the start of the slice, %,d at its end%n",
                storedBefore, storedAfter);
        System.out.printf(Locale.ROOT, "outbox to Kafka:       %,d of %,d accepted on %s at the end of the slice (lag %,d); %s%n",
                onKafkaAtEnd, accepted, Topics.PROGRESS_EVENTS, accepted - onKafkaAtEnd,
                Double.isNaN(drainSeconds) ? "ONLY " + onKafka + " AFTER 30 s MORE" : String.format(Locale.ROOT, "all %,d there %.2f s later", onKafka, drainSeconds));
        System.out.printf(Locale.ROOT, "CPU per accepted:      progress-service %.1f ms, this JVM (MongoDB server, Kafka, load) %.1f ms; machine load average %.1f -> %.1f on %d cores%n",
                serviceCpuMs / Math.max(1, measured.accepted), localCpuMs / Math.max(1, measured.accepted), loadBefore, loadAfter,
                os.getAvailableProcessors());
        System.out.printf(Locale.ROOT, "lookup, same server:   by %s (a full scan here) over %,d reports %.1f ms, over %,d %.1f ms; by _id %.2f ms%n",
                unindexed.keySet().iterator().next(), reports.estimatedDocumentCount(), scanMs, ASSIGNMENTS, scanAllMs, idMs);
        System.out.printf(Locale.ROOT, "raw insert, same docs: %,d stored reports copied, insertOne, %d concurrent, %d unique index(es) kept: %,.0f docs/s (avg %,d B as stored, outbox already relayed)%n",
                raw.docs, CONCURRENCY, raw.uniqueIndexes, raw.docs / raw.seconds, raw.avgBytes);
        if (!profile.files.isEmpty()) {
            System.out.println("flight recordings:     " + String.join(", ", profile.files));
        }
        System.out.printf(Locale.ROOT, "ratio to raw:          %.2f (goal >= 0.4)%n", rate / (raw.docs / raw.seconds));
    }

    /** Publishes one TargetAssigned per assignment, CloudEvents binary mode as the outbox relay writes it. */
    private static void seed(String kafka, List<String> ids) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            for (String id : ids) {
                String unit = id.substring(id.indexOf('@') + 1);
                TargetAssigned e = new TargetAssigned(id, "PLAN-BURST-" + YEAR, YEAR, "T-" + id.substring(6, 12),
                        "规模以上工业增加值增长", "经济发展", unit, "单位" + unit, List.of(), "410100", IndicatorKind.CUMULATIVE,
                        "亿元", new BigDecimal("120.5"), new BigDecimal("5"), Frequency.MONTHLY, List.of(), List.of(), 1L);
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.TARGET_EVENTS, id, json.writeValueAsBytes(e));
                header(r, "ce_specversion", "1.0");
                header(r, "ce_id", UUID.randomUUID().toString());
                header(r, "ce_type", TargetAssigned.TYPE);
                header(r, "ce_source", "/mubiao/target-service");
                header(r, "ce_subject", id);
                header(r, "ce_time", Instant.now().toString());
                header(r, "content-type", "application/json");
                sends.add(producer.send(r));
            }
            producer.flush();
            for (Future<?> f : sends) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Records on the topic: end offsets summed (one producer, no transactions: an offset is a record). */
    private static long records(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    static final class Load {
        int accepted;
        double seconds;
        boolean exhausted;
        long[] latencies = new long[0];
        final Map<Integer, AtomicInteger> errorsByStatus = new ConcurrentHashMap<>();
        final AtomicReference<String> firstError = new AtomicReference<>();

        int errors() {
            return errorsByStatus.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        String errorLine() {
            return errors() == 0 ? "" : "  by status " + errorsByStatus + "; first: " + firstError.get();
        }

        double percentile(double q) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            return latencies[Math.min(latencies.length - 1, Math.max(0, (int) Math.ceil(q * latencies.length) - 1))] / 1e6;
        }
    }

    /** CONCURRENCY clients for {@code duration}, each submitting the next unreported assignment's report. */
    private static Load load(HttpClient http, URI uri, List<String> ids, Map<String, String> tokens, AtomicInteger next,
                             Duration duration) throws Exception {
        Load result = new Load();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<long[]>> workers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < CONCURRENCY; c++) {
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 14];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        int i = next.getAndIncrement();
                        if (i >= ids.size() * MONTHS) {
                            result.exhausted = true;
                            break;
                        }
                        String id = ids.get(i % ids.size());
                        String unit = id.substring(id.indexOf('@') + 1);
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + tokens.get(unit))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(body(id, i, period(i / ids.size())))).build();
                        long t0 = System.nanoTime();
                        int status;
                        String failure = null;
                        try {
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            status = r.statusCode();
                            if (status != 201) {
                                failure = status + " " + r.body();
                            }
                        } catch (java.io.IOException e) {
                            status = -1;
                            failure = e.toString();
                        }
                        long latency = System.nanoTime() - t0;
                        if (failure == null) {
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = latency;
                        } else {
                            result.errorsByStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                            result.firstError.compareAndSet(null, failure);
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> w : workers) {
                all.add(w.get());
            }
            result.seconds = (System.nanoTime() - start) / 1e9;
            result.latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            result.accepted = result.latencies.length;
        }
        return result;
    }

    /** A month's report as a township writes it: a figure and a few sentences in each narrative part. */
    private static String body(String assignmentId, int i, String period) {
        return "{\"assignmentId\":\"" + assignmentId + "\",\"period\":\"" + period + "\",\"cumulativeActual\":"
                + (60 + i % 40) + "." + (i % 100) + ",\"narrative\":{"
                + "\"progress\":\"1至7月累计完成规模以上工业增加值" + (60 + i % 40) + "亿元，同比增长6.2%，重点项目开工率达到85%，其中新签约项目"
                + (i % 17) + "个，总投资额较上年同期明显提高。\","
                + "\"problems\":\"部分企业受原材料价格上涨影响，订单不足，开工率偏低；要素保障仍存在短板，个别项目土地手续办理滞后。\","
                + "\"measures\":\"一是强化运行监测，实行重点企业包联服务；二是加快项目手续办理，落实要素保障；三是加大招商引资力度，培育新的增长点。\"}}";
    }

    /** The {@code pass}-th month of {@link #YEAR}, {@code yyyyMM}. */
    private static String period(int pass) {
        return String.format(Locale.ROOT, "%d%02d", YEAR, pass + 1);
    }

    private static final DocumentCodec CODEC = new DocumentCodec();

    /** The first field of the first unique index besides {@code _id}, or a field no document has. */
    private static String firstUniqueField(MongoCollection<Document> collection) {
        for (Document index : collection.listIndexes()) {
            if (index.getBoolean("unique", false) && !"_id_".equals(index.getString("name"))) {
                return index.get("key", Document.class).keySet().iterator().next();
            }
        }
        return "__bench_no_such_field";
    }

    record Raw(int docs, double seconds, int uniqueIndexes, long avgBytes, List<Document> sample) {
    }

    /** Milliseconds of one unindexed lookup (a full scan) over {@code size} copies of these documents. */
    private static double scanAt(MongoDatabase db, List<Document> sample, int size, Document filter) {
        MongoCollection<Document> scan = fresh(db, "bench_scan_reports");
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Document copy = new RawBsonDocument(sample.get(i % sample.size()), CODEC).decode(CODEC);
            copy.put("_id", "scan-" + i);
            batch.add(copy);
            if (batch.size() == 1_000 || i == size - 1) {
                scan.insertMany(batch);
                batch.clear();
            }
        }
        double ms = time(() -> scan.find(filter).first(), 3);
        scan.drop();
        return ms;
    }

    /**
     * Copies {@code count} stored reports into a fresh collection of the same database with the same indexes, one
     * insertOne each at the same concurrency. Knows nothing of the report's shape but {@code _id}: each copy gets a
     * fresh {@code _id}, and every string field a unique index covers gets a suffix so the copies do not clash.
     */
    private static Raw rawInsert(MongoDatabase db, MongoCollection<Document> source, int count) throws Exception {
        List<Document> indexes = source.listIndexes().into(new ArrayList<>());
        List<String> uniqueFields = new ArrayList<>();
        int unique = 0;
        for (Document index : indexes) {
            if (index.getBoolean("unique", false) && !"_id_".equals(index.getString("name"))) {
                unique++;
                uniqueFields.addAll(index.get("key", Document.class).keySet());
            }
        }
        List<Document> copies = new ArrayList<>(count);
        long bytes = 0;
        for (Document d : source.find().limit(count)) {
            bytes += new RawBsonDocument(d, CODEC).getByteBuffer().remaining();
            copies.add(rekeyed(d, uniqueFields, "#raw"));
        }
        // the driver's insert path in this JVM gets warm first (untimed, a collection of its own)
        MongoCollection<Document> scratch = fresh(db, "bench_raw_warmup");
        createIndexes(scratch, indexes);
        insertAll(scratch, copies.subList(0, Math.min(2_000, copies.size())).stream()
                .map(d -> rekeyed(d, uniqueFields, "#warm")).toList());
        scratch.drop();

        MongoCollection<Document> target = fresh(db, "bench_raw_reports");
        createIndexes(target, indexes);
        double seconds = insertAll(target, copies);
        if (target.estimatedDocumentCount() != copies.size()) {
            throw new IllegalStateException("raw insert stored " + target.estimatedDocumentCount() + " of " + copies.size());
        }
        return new Raw(copies.size(), seconds, unique, copies.isEmpty() ? 0 : bytes / copies.size(),
                copies.subList(0, Math.min(1_000, copies.size())));
    }

    private static MongoCollection<Document> fresh(MongoDatabase db, String name) {
        if (db.listCollectionNames().into(new ArrayList<>()).contains(name)) {
            db.getCollection(name).drop();
        }
        return db.getCollection(name);
    }

    private static void createIndexes(MongoCollection<Document> target, List<Document> indexes) {
        for (Document index : indexes) {
            if ("_id_".equals(index.getString("name"))) {
                continue;
            }
            IndexOptions options = new IndexOptions().name(index.getString("name"))
                    .unique(index.getBoolean("unique", false)).sparse(index.getBoolean("sparse", false));
            if (index.get("partialFilterExpression") instanceof Document partial) {
                options.partialFilterExpression(partial);
            }
            target.createIndex(index.get("key", Document.class), options);
        }
    }

    /** A copy with a fresh {@code _id} of the same kind and {@code suffix} on the string fields at these paths. */
    private static Document rekeyed(Document original, List<String> paths, String suffix) {
        Document copy = new RawBsonDocument(original, CODEC).decode(CODEC); // deep, every BSON type kept
        Object id = original.get("_id");
        copy.put("_id", id instanceof String s ? s + suffix : new ObjectId());
        for (String path : paths) {
            String[] parts = path.split("\\.");
            Document holder = copy;
            for (int i = 0; i < parts.length - 1 && holder != null; i++) {
                holder = holder.get(parts[i]) instanceof Document d ? d : null;
            }
            if (holder != null && holder.get(parts[parts.length - 1]) instanceof String s) {
                holder.put(parts[parts.length - 1], s + suffix);
            }
        }
        return copy;
    }

    private static double insertAll(MongoCollection<Document> target, List<Document> docs) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < CONCURRENCY; c++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < docs.size(); i = next.getAndIncrement()) {
                        target.insertOne(docs.get(i));
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Average milliseconds of {@code n} runs of {@code query}, after one untimed run. */
    private static double time(Runnable query, int n) {
        query.run();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            query.run();
        }
        return (System.nanoTime() - start) / 1e6 / n;
    }

    /**
     * Flight recordings of the measured slice when {@code -Dbench.jfr=<folder>} is set: this JVM (Kafka, the
     * MongoDB-protocol server, the load) through the JFR API, the service's through jcmd.
     */
    static final class Profile {
        final List<String> files = new ArrayList<>();
        private Recording local;
        private ServiceProcess service;

        static Profile start(ServiceProcess service) throws Exception {
            Profile p = new Profile();
            if (JFR.isBlank()) {
                return p;
            }
            Files.createDirectories(Path.of(JFR));
            p.service = service;
            p.local = new Recording(Configuration.getConfiguration("profile"));
            p.local.start();
            jcmd(service.pid(), "JFR.start", "name=burst", "settings=profile");
            return p;
        }

        void stop() throws Exception {
            if (local == null) {
                return;
            }
            Path bench = Path.of(JFR, "bench-jvm.jfr").toAbsolutePath();
            Path svc = Path.of(JFR, "progress-service.jfr").toAbsolutePath();
            local.stop();
            local.dump(bench);
            local.close();
            jcmd(service.pid(), "JFR.stop", "name=burst", "filename=" + svc);
            files.add(bench.toString());
            files.add(svc.toString());
        }

        private static void jcmd(long pid, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(pid)));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + out);
            }
        }
    }
}
