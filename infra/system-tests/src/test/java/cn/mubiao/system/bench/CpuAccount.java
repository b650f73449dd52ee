package cn.mubiao.system.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where the CPU of a measured phase went: the CPU time of every JVM on the machine (the platform's services by
 * their jar, this benchmark's own JVM, Keycloak) and of the whole machine (Linux {@code /proc/stat}; absent
 * elsewhere), taken before and after a phase, and divided by the phase's requests. Unlike a throughput, which
 * follows how fast the shared machine happens to be that minute, the CPU one request costs each process stays put
 * from run to run, so it shows what a change to one process did.
 */
final class CpuAccount {

    /** CPU time per process name and of the whole machine (key {@link #MACHINE}), at one moment. */
    record Snapshot(Map<String, Duration> cpu) {
        static Snapshot now() {
            Map<String, Duration> cpu = new TreeMap<>();
            long self = ProcessHandle.current().pid();
            ProcessHandle.allProcesses().forEach(p -> {
                ProcessHandle.Info info = p.info();
                if (info.command().filter(c -> c.endsWith("/java") || c.equals("java")).isEmpty()) {
                    return;
                }
                info.totalCpuDuration().ifPresent(d -> cpu.merge(name(p.pid() == self, info.arguments().orElse(new String[0])),
                        d, Duration::plus));
            });
            machineBusy().ifPresent(d -> cpu.put(MACHINE, d));
            return new Snapshot(cpu);
        }

        Snapshot minus(Snapshot earlier) {
            Map<String, Duration> spent = new TreeMap<>();
            cpu.forEach((name, d) -> spent.put(name, d.minus(earlier.cpu.getOrDefault(name, Duration.ZERO))));
            return new Snapshot(spent);
        }

        Snapshot plus(Snapshot other) {
            Map<String, Duration> sum = new TreeMap<>(cpu);
            other.cpu.forEach((name, d) -> sum.merge(name, d, Duration::plus));
            return new Snapshot(sum);
        }
    }

    static final String MACHINE = "machine";
    static final String BENCH = "bench JVM (load, MongoDB, Kafka)";
    static final Snapshot NONE = new Snapshot(Map.of());

    /** A JVM's name: its jar's ({@code gateway}, {@code target-service} …), Keycloak's, or this benchmark's. */
    static String name(boolean self, String[] arguments) {
        if (self) {
            return BENCH;
        }
        List<String> args = Arrays.asList(arguments);
        int jar = args.indexOf("-jar");
        if (jar >= 0 && jar + 1 < args.size()) {
            String file = Path.of(args.get(jar + 1)).getFileName().toString();
            return file.endsWith(".jar") ? file.substring(0, file.length() - 4) : file;
        }
        return args.stream().anyMatch(a -> a.contains("keycloak") || a.contains("quarkus")) ? "keycloak" : "other JVM";
    }

    /** The whole machine's busy time (user, nice, system, irq, softirq of all cores), when the OS tells it. */
    static java.util.Optional<Duration> machineBusy() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            long[] f = Arrays.stream(first.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
            long busyTicks = f[0] + f[1] + f[2] + f[5] + f[6]; // user nice system (idle iowait) irq softirq
            return java.util.Optional.of(Duration.ofMillis(busyTicks * 10)); // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * One line per process that spent at least 1% of the phase's CPU: its CPU per request in microseconds (time of
     * one core), the machine's first.
     */
    static String perRequest(Snapshot spent, int requests) {
        if (requests == 0 || spent.cpu().isEmpty()) {
            return "  (no CPU figures)";
        }
        Duration total = spent.cpu().entrySet().stream().filter(e -> !e.getKey().equals(MACHINE))
                .map(Map.Entry::getValue).reduce(Duration.ZERO, Duration::plus);
        Map<String, Duration> shown = new LinkedHashMap<>();
        if (spent.cpu().containsKey(MACHINE)) {
            shown.put(MACHINE, spent.cpu().get(MACHINE));
        }
        spent.cpu().entrySet().stream().filter(e -> !e.getKey().equals(MACHINE))
                .filter(e -> e.getValue().toNanos() * 100 >= total.toNanos())
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .forEach(e -> shown.put(e.getKey(), e.getValue()));
        return shown.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f µs", e.getKey(),
                e.getValue().toNanos() / 1e3 / requests)).collect(Collectors.joining(", ", "  CPU per request: ", ""));
    }

    /** The same shares over a span without requests: per JVM, its CPU as a percentage of one core. */
    static String perSecond(Snapshot spent, Duration span) {
        if (spent.cpu().isEmpty() || span.isZero()) {
            return " (no CPU figures)";
        }
        return spent.cpu().entrySet().stream()
                .sorted(Map.Entry.<String, Duration>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey(),
                        100.0 * e.getValue().toNanos() / span.toNanos()))
                .collect(Collectors.joining(", ", " CPU of one core: ", ""));
    }

    private CpuAccount() {
    }
}
