package cn.mubiao.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM from its built jar, as {@code ./mubiao up} runs it. Public for the benchmarks
 * in {@code cn.mubiao.system.bench}, which start single services against infrastructure of their own.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Process process;
    public final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * On Java 25+ Netty (the gateway's server and client) turns its Unsafe-based buffers off unless the JVM allows
     * Unsafe's memory access outright; on Java 21 they are on. {@code ./mubiao up} passes the same flag.
     */
    static final String UNSAFE_MEMORY_ACCESS = "--sun-misc-unsafe-memory-access=allow";

    public static ServiceProcess start(Path root, String name, int port, Map<String, String> env) throws IOException {
        Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": build the services first (mvn package)");
        }
        Path logs = root.resolve("infra/system-tests/target/service-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        if (Runtime.version().feature() >= 24) { // the same JDK as this JVM: Netty's buffers as on Java 21 (ADR 0018)
            command.add(UNSAFE_MEMORY_ACCESS);
        }
        // fast start for tests (C1 only); benchmarks pass their own flags to measure steady-state speed
        command.addAll(List.of(System.getProperty("mubiao.service.jvm-flags",
                "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").trim().split("\\s+")));
        command.addAll(List.of("-Dmubiao.system-test=true", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        return new ServiceProcess(name, port, pb.start(), log);
    }

    /** The service JVM's process id (for jcmd: a flight recording of one phase of a benchmark). */
    public long pid() {
        return process.pid();
    }

    /** CPU time the service's JVM has used so far (all its threads), for CPU per request in benchmarks. */
    public long cpuNanos() {
        return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + log);
    }

    /** Kills the JVM at once, as a crash would. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
