package cn.mubiao.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The exec jar as `./mubiao up` runs it: READY line, endpoints, clean stop on SIGTERM with no Keycloak left. */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class DevStackMainIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void execJarPrintsReadyServesTheConsoleAndStopsKeycloakOnSigterm() throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch ready = new CountDownLatch(1); // READY line and the endpoint lines after it
        process = new ProcessBuilder(javaCommand("--data-dir", dataDir.toString(), "--kafka-port", "0",
                "--kafka-controller-port", "0", "--mongo-port", "0", "--smtp-port", "0", "--smpp-port", "0",
                "--keycloak-port", "0", "--console-port", "0"))
                .redirectErrorStream(true)
                .start();
        Thread outputReader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.add(line);
                    System.out.println("[exec jar] " + line);
                    if (output.contains(DevStackMain.READY_LINE) && line.strip().startsWith("console ")) {
                        ready.countDown();
                    }
                }
            } catch (Exception e) {
                output.add("reader failed: " + e);
            }
        });

        assertThat(ready.await(4, TimeUnit.MINUTES)).as("READY line; output: %s", output).isTrue();
        String console = endpoint(output, "console");
        JsonNode health;
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(console + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            health = JSON.readTree(response.body());
        }
        assertThat(health.path("components").path("keycloak").asText()).isEqualTo("UP");
        assertThat(health.path("components").path("kafka").asText()).isEqualTo("UP");
        assertThat(endpoint(output, "kafka")).startsWith("localhost:");
        assertThat(endpoint(output, "mongodb")).startsWith("mongodb://localhost:");
        List<ProcessHandle> children = process.descendants().toList();
        assertThat(children).as("Keycloak runs as a child process")
                .anySatisfy(child -> assertThat(child.info().commandLine().orElse("")).contains("kc.home.dir"));

        process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output we still read

        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("exec jar stops after SIGTERM").isTrue();
        outputReader.join(10_000); // the rest of its output
        assertThat(output).contains("DEVSTACK STOPPING")
                .anySatisfy(line -> assertThat(line).contains("Devstack stopped in"));
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertThat(child.isAlive()).as("child %s still running", child.info().commandLine()).isFalse();
        }
        assertThat(dataDir.resolve("kafka/meta.properties")).exists();
        assertThat(dataDir.resolve("mongo/mubiao.mv.db")).exists();
    }

    @Test
    void execJarRejectsAnUnknownOptionWithExitCode2() throws Exception {
        process = new ProcessBuilder(javaCommand("--no-such-option")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown option: --no-such-option", "usage:");
    }

    private static List<String> javaCommand(String... args) {
        String jar = System.getProperty("devstack.execJar");
        assertThat(jar).as("system property devstack.execJar (set by the failsafe configuration)").isNotNull();
        assertThat(Path.of(jar)).exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar));
        command.addAll(List.of(args));
        return command;
    }

    private static String endpoint(List<String> output, String name) {
        return output.stream()
                .map(String::strip)
                .filter(line -> line.startsWith(name + " "))
                .map(line -> line.substring(name.length()).strip().split(" ")[0])
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + name + "' endpoint line in " + output));
    }
}
