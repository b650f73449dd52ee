package cn.mubiao.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Keycloak as a child process: {@code kc.sh start-dev} from the cached distribution, with its H2 database,
 * transaction logs and log file in a per-run folder (not in the shared cache), the bootstrap admin admin/admin,
 * a bounded heap and the JDK this JVM runs on. On Unix a tiny shell watchdog ends Keycloak if this JVM dies
 * without running its shutdown hooks (kill -9), so a stale Keycloak never keeps the port.
 */
final class KeycloakServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";
    static final String HEAP = "-Xms64m -Xmx768m";
    /**
     * java.lang open: jboss-threads needs it on Java 24+ (else an IllegalAccessError at shutdown). C1 only: a dev
     * Keycloak needs fast start-up (about 2 s less) more than peak throughput.
     */
    static final String EXTRA_JAVA_OPTS = "--add-opens=java.base/java.lang=ALL-UNNAMED -XX:TieredStopAtLevel=1";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Ends the child when the parent JVM ($1) is gone, and forwards TERM/INT/HUP to it. Arguments after the pid are
     * the command to run.
     */
    private static final String WATCHDOG = """
            parent=$1; shift
            "$@" &
            child=$!
            trap 'kill -TERM $child 2>/dev/null; wait $child; exit 143' TERM INT HUP
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
            kill -TERM $child 2>/dev/null
            wait $child
            """;

    /** One start at a time per JVM; the file lock does the same across processes sharing the cache. */
    private static final Semaphore JVM_START_PERMIT = new Semaphore(1);

    private final Path home;
    private final int port;
    private final int managementPort;
    private final Path runDir;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Process process;
    private Thread shutdownHook;
    private boolean holdsStartPermit;
    private FileChannel lockChannel;
    private FileLock fileLock;
    private long launchedAt;

    KeycloakServer(Path home, int port, int managementPort, Path runDir) {
        this.home = home;
        this.port = port;
        this.managementPort = managementPort;
        this.runDir = runDir.toAbsolutePath();
    }

    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    Path logFile() {
        return runDir.resolve("keycloak.log");
    }

    /**
     * Holds the pid of the process-tree root while Keycloak runs (the watchdog shell on Unix; SIGTERM to it stops
     * Keycloak), for scripts that clean up after a devstack that died hard.
     */
    Path pidFile() {
        return runDir.resolve("keycloak.pid");
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the process and returns at once; {@link #awaitReady(Duration)} waits for it. */
    synchronized void launch() {
        if (process != null) {
            throw new IllegalStateException("Keycloak already launched");
        }
        try {
            Files.createDirectories(runDir);
            if (Files.exists(logFile())) { // one log per run; the previous one is kept as keycloak.log.1
                Files.move(logFile(), runDir.resolve("keycloak.log.1"), StandardCopyOption.REPLACE_EXISTING);
            }
            acquireStartLock();
            ProcessBuilder builder = new ProcessBuilder(command())
                    .directory(runDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile().toFile());
            configureEnvironment(builder.environment());
            launchedAt = System.nanoTime();
            process = builder.start();
        } catch (IOException e) {
            releaseStartLock();
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        } catch (RuntimeException e) {
            releaseStartLock();
            throw e;
        }
        writePidFile(process.pid());
        Process started = process;
        shutdownHook = new Thread(() -> stopProcessTree(started), "keycloak-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        log.info("Keycloak starting (pid {}) on {} with data in {} - log: {}", process.pid(), url(), runDir,
                logFile());
    }

    /** Waits until the health check and the master realm's OIDC discovery answer. */
    void awaitReady(Duration timeout) {
        Process current;
        synchronized (this) {
            current = process;
        }
        if (current == null) {
            throw new IllegalStateException("Keycloak was not launched");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                if (!current.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with code " + current.exitValue()
                            + " while starting; last lines of " + logFile() + ":\n" + tail(logFile(), 40));
                }
                if (answers("http://127.0.0.1:" + managementPort + "/health/ready")
                        && answers(url() + "/realms/master/.well-known/openid-configuration")) {
                    break;
                }
                if (System.nanoTime() - deadline >= 0) {
                    throw new IllegalStateException("Keycloak not ready on " + url() + " within " + timeout
                            + "; last lines of " + logFile() + ":\n" + tail(logFile(), 40));
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        } finally {
            releaseStartLock();
        }
        log.info("Keycloak ready on {} after {} ms", url(),
                Duration.ofNanos(System.nanoTime() - launchedAt).toMillis());
    }

    HttpClient httpClient() {
        return http;
    }

    @Override
    public void close() {
        Process current;
        synchronized (this) {
            current = process;
            process = null;
            releaseStartLock();
        }
        http.close();
        if (current == null) {
            return;
        }
        stopProcessTree(current);
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            log.debug("cannot delete {}", pidFile(), e);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook is running or ran
        }
    }

    private void writePidFile(long pid) {
        try {
            Files.writeString(pidFile(), pid + System.lineSeparator());
        } catch (IOException e) {
            log.warn("cannot write {}: {}", pidFile(), e.toString());
        }
    }

    private List<String> command() {
        List<String> keycloak = new ArrayList<>();
        boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
        if (windows) {
            keycloak.add("cmd.exe");
            keycloak.add("/c");
            keycloak.add(home.resolve("bin").resolve("kc.bat").toString());
        } else {
            keycloak.add(home.resolve("bin").resolve("kc.sh").toString());
        }
        keycloak.add("start-dev");
        keycloak.add("--http-host=127.0.0.1");
        keycloak.add("--http-port=" + port);
        keycloak.add("--http-management-port=" + managementPort);
        keycloak.add("--health-enabled=true");
        // dev-file H2 database in the run folder instead of <home>/data (db-url overrides the dev-file default URL)
        keycloak.add("--db-url=jdbc:h2:file:" + runDir.resolve("h2").resolve("keycloakdb").toString().replace('\\', '/')
                + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE");
        keycloak.add("--log-console-color=false");
        keycloak.add("-Dquarkus.transaction-manager.object-store.directory=" + runDir.resolve("transaction-logs"));
        if (windows) {
            return keycloak;
        }
        List<String> watched = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "keycloak-watchdog",
                String.valueOf(ProcessHandle.current().pid())));
        watched.addAll(keycloak);
        return watched;
    }

    private static void configureEnvironment(Map<String, String> env) {
        // nothing from the developer's shell may reconfigure this Keycloak (KC_DB=postgres, JAVA_OPTS, ...)
        env.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("KEYCLOAK_")
                || name.startsWith("QUARKUS_") || name.startsWith("JAVA_OPTS") || name.equals("JAVA")
                || name.equals("JAVA_ADD_OPENS") || name.equals("DEBUG") || name.equals("DEBUG_PORT"));
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Keycloak needs Java 21+, this JVM is " + Runtime.version());
        }
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("JAVA_OPTS_KC_HEAP", HEAP);
        env.put("JAVA_OPTS_APPEND", EXTRA_JAVA_OPTS);
    }

    private boolean answers(String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * TERM to the whole tree (watchdog, kc.sh, java), wait, then KILL whatever is left. Synchronized: close() and
     * the shutdown hook may both get here; the second finds nothing left to stop.
     */
    private static synchronized void stopProcessTree(Process root) {
        if (root == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root.toHandle());
        if (tree.stream().noneMatch(ProcessHandle::isAlive)) {
            return;
        }
        long started = System.nanoTime();
        tree.forEach(ProcessHandle::destroy);
        if (!awaitExit(tree, STOP_TIMEOUT)) {
            log.warn("Keycloak did not stop within {}; killing it", STOP_TIMEOUT);
            tree.forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree, Duration.ofSeconds(10));
        }
        log.info("Keycloak (pid {}) stopped in {} ms", root.pid(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
        CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return processes.stream().noneMatch(ProcessHandle::isAlive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void acquireStartLock() throws IOException {
        try {
            JVM_START_PERMIT.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to start Keycloak", e);
        }
        holdsStartPermit = true;
        Path lockFile = home.resolveSibling(home.getFileName() + ".lock");
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        fileLock = lockChannel.tryLock();
        if (fileLock == null) {
            log.info("another devstack is starting Keycloak from {}; waiting for it (a first start also builds"
                    + " the server once)", home);
            fileLock = lockChannel.lock();
        }
    }

    private synchronized void releaseStartLock() {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            log.debug("releasing the Keycloak start lock", e);
        } finally {
            fileLock = null;
            lockChannel = null;
            if (holdsStartPermit) {
                holdsStartPermit = false;
                JVM_START_PERMIT.release();
            }
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
