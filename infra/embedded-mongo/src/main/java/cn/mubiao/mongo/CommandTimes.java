package cn.mubiao.mongo;

import de.bwaldvogel.mongo.MongoCollection;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where the embedded server's time goes, by collection: with the system property
 * {@value #PROPERTY}{@code =S}, the memory backend times every update, insert and query of each collection and prints
 * the costliest of each span of S seconds to standard error (count, total and mean milliseconds, wall time inside
 * the server, waiting for the collection's lock included). Off by default, and then nothing is timed. For
 * benchmarks: {@code infra/bench/warning-latency -Dfailsafe.jvm='-Xmx768m -Dmubiao.embedded-mongo.times=15'}.
 */
final class CommandTimes {

    static final String PROPERTY = "mubiao.embedded-mongo.times";
    private static final int SHOWN = 20;

    private record Key(String kind, String namespace) {
    }

    private record Tally(LongAdder count, LongAdder nanos) {
        Tally() {
            this(new LongAdder(), new LongAdder());
        }
    }

    private static final CommandTimes ON = start(Integer.getInteger(PROPERTY, 0), System.err);

    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

    /** The running instance, or null when the property is not set. */
    static CommandTimes instance() {
        return ON;
    }

    static CommandTimes start(int seconds, PrintStream out) {
        if (seconds <= 0) {
            return null;
        }
        CommandTimes times = new CommandTimes();
        Thread.ofPlatform().name("embedded-mongo-times").daemon(true).start(() -> {
            try {
                while (true) {
                    Thread.sleep(seconds * 1000L);
                    out.print(times.drain());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return times;
    }

    /**
     * Runs {@code command}, timed under its kind and the collection's namespace when timing is on (the namespace is
     * only asked for then: it is a new string each time).
     */
    static <T> T timed(String kind, MongoCollection<?> collection, Supplier<T> command) {
        CommandTimes times = ON;
        if (times == null) {
            return command.get();
        }
        long start = System.nanoTime();
        try {
            return command.get();
        } finally {
            times.add(kind, collection.getFullName(), System.nanoTime() - start);
        }
    }

    void add(String kind, String namespace, long nanos) {
        Tally t = tallies.computeIfAbsent(new Key(kind, namespace), k -> new Tally());
        t.count().increment();
        t.nanos().add(nanos);
    }

    /** The costliest tallies since the last call, one line each, and starts afresh. */
    String drain() {
        StringBuilder out = new StringBuilder();
        tallies.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[]{e.getValue().count().sum(), e.getValue().nanos().sum()}))
                .sorted(Comparator.comparingLong((Map.Entry<Key, long[]> e) -> e.getValue()[1]).reversed())
                .limit(SHOWN)
                .forEach(e -> out.append(String.format(Locale.ROOT, "embedded-mongo %-6s %-50s n=%7d total=%8.1f ms mean=%.3f ms%n",
                        e.getKey().kind(), e.getKey().namespace(), e.getValue()[0], e.getValue()[1] / 1e6,
                        e.getValue()[1] / 1e6 / Math.max(1, e.getValue()[0]))));
        tallies.clear();
        return out.toString();
    }
}
