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

    /**
     * CPU time per process name and of the whole machine (key {@link #MACHINE}), and what each process asked of the
     * kernel, at one moment.
     */
    record Snapshot(Map<String, Duration> cpu, Map<String, Kernel> kernel) {
        static Snapshot now() {
            Map<String, Duration> cpu = new TreeMap<>();
            Map<String, Kernel> kernel = new TreeMap<>();
            long self = ProcessHandle.current().pid();
            ProcessHandle.allProcesses().forEach(p -> {
                ProcessHandle.Info info = p.info();
                if (info.command().filter(c -> c.endsWith("/java") || c.equals("java")).isEmpty()) {
                    return;
                }
                String name = name(p.pid() == self, info.arguments().orElse(new String[0]));
                info.totalCpuDuration().ifPresent(d -> cpu.merge(name, d, Duration::plus));
                Kernel.of(p.pid()).ifPresent(k -> kernel.merge(name, k, Kernel::plus));
            });
            machineBusy().ifPresent(d -> cpu.put(MACHINE, d));
            return new Snapshot(cpu, kernel);
        }

        Snapshot minus(Snapshot earlier) {
            Map<String, Duration> spent = new TreeMap<>();
            cpu.forEach((name, d) -> spent.put(name, d.minus(earlier.cpu.getOrDefault(name, Duration.ZERO))));
            Map<String, Kernel> asked = new TreeMap<>();
            kernel.forEach((name, k) -> asked.put(name, k.minus(earlier.kernel.getOrDefault(name, Kernel.NONE))));
            return new Snapshot(spent, asked);
        }

        Snapshot plus(Snapshot other) {
            Map<String, Duration> sum = new TreeMap<>(cpu);
            other.cpu.forEach((name, d) -> sum.merge(name, d, Duration::plus));
            Map<String, Kernel> kernelSum = new TreeMap<>(kernel);
            other.kernel.forEach((name, k) -> kernelSum.merge(name, k, Kernel::plus));
            return new Snapshot(sum, kernelSum);
        }
    }

    /**
     * A process's read and write system calls (Linux {@code /proc/<pid>/io}: {@code read}/{@code write} and their
     * vector forms, which is how Java reads and writes sockets) and context switches (of all its threads, given up
     * or taken), counted since it started.
     */
    record Kernel(long reads, long writes, long switches) {
        static final Kernel NONE = new Kernel(0, 0, 0);

        static java.util.Optional<Kernel> of(long pid) {
            try {
                Map<String, Long> io = Files.readAllLines(Path.of("/proc", String.valueOf(pid), "io")).stream()
                        .map(l -> l.split(":\\s*")).filter(kv -> kv.length == 2)
                        .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1].trim())));
                long switches = 0;
                try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                    for (Path task : tasks.toList()) {
                        switches += switchesOf(task.resolve("status"));
                    }
                }
                return java.util.Optional.of(new Kernel(io.getOrDefault("syscr", 0L), io.getOrDefault("syscw", 0L),
                        switches));
            } catch (IOException | RuntimeException e) { // not Linux, or the process ended meanwhile
                return java.util.Optional.empty();
            }
        }

        private static long switchesOf(Path status) {
            try {
                return Files.readAllLines(status).stream().filter(l -> l.contains("ctxt_switches:"))
                        .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).trim())).sum();
            } catch (IOException | RuntimeException e) { // the thread ended meanwhile
                return 0;
            }
        }

        Kernel plus(Kernel other) {
            return new Kernel(reads + other.reads, writes + other.writes, switches + other.switches);
        }

        Kernel minus(Kernel earlier) {
            return new Kernel(reads - earlier.reads, writes - earlier.writes, switches - earlier.switches);
        }
    }

    static final String MACHINE = "machine";
    static final String BENCH = "bench JVM (load, MongoDB, Kafka)";
    static final Snapshot NONE = new Snapshot(Map.of(), Map.of());

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

    /**
     * Per process that took part (at least 0.5 read or write calls per request): its socket reads and writes and
     * its context switches per request.
     */
    static String kernelPerRequest(Snapshot spent, int requests) {
        if (requests == 0 || spent.kernel().isEmpty()) {
            return "  (no kernel figures)";
        }
        return spent.kernel().entrySet().stream()
                .filter(e -> (e.getValue().reads() + e.getValue().writes()) * 2 >= requests)
                .sorted(Map.Entry.<String, Kernel>comparingByValue(
                        java.util.Comparator.comparingLong(k -> -(k.reads() + k.writes()))))
                .map(e -> String.format(Locale.ROOT, "%s %.1f/%.1f/%.1f", e.getKey(),
                        (double) e.getValue().reads() / requests, (double) e.getValue().writes() / requests,
                        (double) e.getValue().switches() / requests))
                .collect(Collectors.joining(", ", "  reads/writes/context switches per request: ", ""));
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
