package cn.mubiao.system.bench;

import cn.mubiao.system.PlatformAccess;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gateway overhead (issue 3): the same authenticated read, the same load, in the same run — once straight to
 * target-service, once through the gateway (JWT validated at the edge, then again by the service). Prints
 * throughput and p50/p99 of both and their ratio. Not part of the test suite: run it with
 * {@code infra/bench/gateway-overhead}. Bounded: a fixed number of seconds per phase, loopback only.
 */
class GatewayOverheadBench {

    /**
     * The loads, as concurrent clients each sending its next call when the last one is answered: 8 (the reference
     * for both halves of issue 3's goal: the machine busy but calls not queueing behind each other) and 16 (the
     * machine saturated, where the added p50 is mostly queueing: 16 calls in flight take 16 / rate each).
     * {@code -Dbench.concurrency=2} or {@code =8,16,32} for others.
     */
    static final List<Integer> CONCURRENCIES = Arrays.stream(System.getProperty("bench.concurrency", "8,16").split(","))
            .map(String::trim).filter(c -> !c.isEmpty()).map(Integer::valueOf).toList();
    static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 60));
    static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    /**
     * Measure in this many alternating slices (direct, gateway, direct, gateway …), each phase's slices adding up to
     * {@link #MEASURE}: on a shared machine, load that comes and goes then weighs on both sides alike. 1: one
     * block each, direct first.
     */
    static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    /** A pause without load after the rounds, to show what the platform spends when nobody calls it. */
    static final Duration IDLE = Duration.ofSeconds(Long.getLong("bench.idle", 10));

    record Result(String name, int clients, int requests, int errors, double seconds, double p50, double p99,
                  long[] latencies, CpuAccount.Snapshot cpu) {
        double throughput() {
            return requests / seconds;
        }

        /** The slices of one phase as one result: their requests over their summed time, percentiles of all. */
        static Result merge(List<Result> slices) {
            if (slices.size() == 1) {
                return slices.getFirst();
            }
            long[] all = slices.stream().map(Result::latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            return new Result(slices.getFirst().name(), slices.getFirst().clients(),
                    slices.stream().mapToInt(Result::requests).sum(),
                    slices.stream().mapToInt(Result::errors).sum(), slices.stream().mapToDouble(Result::seconds).sum(),
                    percentile(all, 0.50), percentile(all, 0.99), all,
                    slices.stream().map(Result::cpu).reduce(CpuAccount.NONE, CpuAccount.Snapshot::plus));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-14s %8.0f req/s   p50 %6.2f ms   p99 %6.2f ms   (%d requests, %d errors, %d threads, %.0f s)",
                    name, throughput(), p50, p99, requests, errors, clients, seconds);
        }
    }

    @Test
    void gatewayOverheadAgainstDirectCalls() throws Exception {
        PlatformAccess p = PlatformAccess.embedded();
        String token = p.token("city-office");
        String id = p.createAssignment(token);
        String path = "/api/targets/assignments/" + id;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();

        int most = CONCURRENCIES.stream().mapToInt(Integer::intValue).max().orElse(16);
        run(http, "warm-up direct", p.serviceUrl("target-service") + path, token, WARMUP, most);
        run(http, "warm-up gateway", p.gatewayUrl() + path, token, WARMUP, most);
        Map<Integer, List<Result>> directSlices = new LinkedHashMap<>();
        Map<Integer, List<Result>> gatewaySlices = new LinkedHashMap<>();
        Duration slice = MEASURE.dividedBy(Math.max(1, ROUNDS));
        for (int round = 0; round < Math.max(1, ROUNDS); round++) {
            for (int clients : CONCURRENCIES) {
                Result direct = run(http, "direct", p.serviceUrl("target-service") + path, token, slice, clients);
                Result gateway = run(http, "via gateway", p.gatewayUrl() + path, token, slice, clients);
                directSlices.computeIfAbsent(clients, c -> new ArrayList<>()).add(direct);
                gatewaySlices.computeIfAbsent(clients, c -> new ArrayList<>()).add(gateway);
                if (ROUNDS > 1) { // each slice too: how steady the machine was
                    for (Result r : List.of(direct, gateway)) {
                        System.out.println("  round " + (round + 1) + ": " + r);
                        System.out.println("  round " + (round + 1) + ": " + CpuAccount.perRequest(r.cpu(), r.requests()).strip());
                        System.out.println("  round " + (round + 1) + ": " + CpuAccount.kernelPerRequest(r.cpu(), r.requests()).strip());
                    }
                }
            }
        }
        // what the platform spends with no request at all (consumer polls, relays, schedulers, the broker): a
        // per-second cost that the per-request figures above carry too, more of it the fewer requests a side served
        CpuAccount.Snapshot idleFrom = CpuAccount.Snapshot.now();
        long idleStart = System.nanoTime();
        Thread.sleep(IDLE.toMillis());
        Duration idle = Duration.ofNanos(System.nanoTime() - idleStart);
        String idleLine = CpuAccount.perSecond(CpuAccount.Snapshot.now().minus(idleFrom), idle);

        for (int clients : CONCURRENCIES) {
            Result direct = Result.merge(directSlices.get(clients));
            Result gateway = Result.merge(gatewaySlices.get(clients));
            System.out.println();
            System.out.println("GATEWAY OVERHEAD (GET one assignment, bearer JWT, " + clients + " concurrent clients"
                    + (ROUNDS > 1 ? ", " + ROUNDS + " alternating rounds" : "") + ")");
            System.out.println(direct);
            System.out.println(CpuAccount.perRequest(direct.cpu(), direct.requests()));
            System.out.println(CpuAccount.kernelPerRequest(direct.cpu(), direct.requests()));
            System.out.println(gateway);
            System.out.println(CpuAccount.perRequest(gateway.cpu(), gateway.requests()));
            System.out.println(CpuAccount.kernelPerRequest(gateway.cpu(), gateway.requests()));
            if (clients == CONCURRENCIES.getLast()) {
                System.out.println("idle " + IDLE.toSeconds() + " s after the rounds:" + idleLine);
            }
            System.out.printf(Locale.ROOT, "throughput ratio gateway/direct: %.2f (goal >= 0.6)   p50 added: %.2f ms (goal < 2 ms)   p99 added: %.2f ms%n",
                    gateway.throughput() / direct.throughput(), gateway.p50 - direct.p50, gateway.p99 - direct.p99);
        }
    }

    static Result run(HttpClient http, String name, String url, String token, Duration duration, int clients)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).GET().build();
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<Future<long[]>> workers = new ArrayList<>();
        CpuAccount.Snapshot before = CpuAccount.Snapshot.now();
        System.out.println("phase " + name + " from " + Instant.now());
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    long[] latencies = new long[1 << 16];
                    int n = 0;
                    while (System.nanoTime() < end && n < latencies.length) {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latencies[n++] = System.nanoTime() - t0;
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            long[] all = new long[0];
            for (Future<long[]> w : workers) {
                long[] l = w.get();
                long[] merged = Arrays.copyOf(all, all.length + l.length);
                System.arraycopy(l, 0, merged, all.length, l.length);
                all = merged;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuAccount.Snapshot spent = CpuAccount.Snapshot.now().minus(before);
            System.out.println("phase " + name + " until " + Instant.now());
            Arrays.sort(all);
            return new Result(name, clients, all.length, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99),
                    all, spent);
        }
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
