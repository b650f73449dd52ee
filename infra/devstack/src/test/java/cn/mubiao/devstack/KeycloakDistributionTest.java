package cn.mubiao.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeycloakDistributionTest {

    private static final String FOLDER = "keycloak-9.9.9";

    @TempDir
    Path temp;

    @Test
    void distributionIsUnpackedWithoutItsTopFolderAndScriptsAreExecutable() throws Exception {
        Path zip = fakeDistribution(Map.of());
        Path cache = temp.resolve("cache");

        Path home = KeycloakDistribution.ensureUnpacked(cache, FOLDER, () -> zip);

        assertThat(home).isEqualTo(cache.resolve(FOLDER));
        assertThat(home.resolve("bin/kc.sh")).hasContent("#!/bin/sh\necho keycloak");
        assertThat(home.resolve("lib/quarkus-run.jar")).exists();
        assertThat(Files.isExecutable(home.resolve("bin/kc.sh"))).isTrue();
        assertThat(Files.isExecutable(home.resolve("bin/kcadm.sh"))).isTrue();
        assertThat(KeycloakDistribution.isComplete(home)).isTrue();
        try (var entries = Files.list(cache)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .as("no temporary unpack folder is left").containsExactly(FOLDER);
        }
    }

    @Test
    void completeCacheIsReusedWithoutLookingForTheZip() throws Exception {
        Path zip = fakeDistribution(Map.of());
        Path cache = temp.resolve("cache");
        KeycloakDistribution.ensureUnpacked(cache, FOLDER, () -> zip);
        AtomicInteger lookups = new AtomicInteger();

        Path home = KeycloakDistribution.ensureUnpacked(cache, FOLDER, () -> {
            lookups.incrementAndGet();
            return zip;
        });

        assertThat(lookups).hasValue(0);
        assertThat(home.resolve("bin/kc.sh")).exists();
    }

    @Test
    void folderLeftWithoutCompletionMarkerIsReplaced() throws Exception {
        Path zip = fakeDistribution(Map.of());
        Path cache = temp.resolve("cache");
        Path broken = Files.createDirectories(cache.resolve(FOLDER).resolve("bin"));
        Files.writeString(broken.resolve("half-written.txt"), "x");

        Path home = KeycloakDistribution.ensureUnpacked(cache, FOLDER, () -> zip);

        assertThat(home.resolve("bin/half-written.txt")).doesNotExist();
        assertThat(KeycloakDistribution.isComplete(home)).isTrue();
    }

    @Test
    void oldLeftoverOfACrashedUnpackIsRemoved() throws Exception {
        Path zip = fakeDistribution(Map.of());
        Path cache = Files.createDirectories(temp.resolve("cache"));
        Path leftover = Files.createDirectories(cache.resolve(".unpacking-" + FOLDER + "-12345"));
        Files.writeString(leftover.resolve("partial.jar"), "x");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        KeycloakDistribution.ensureUnpacked(cache, FOLDER, () -> zip);

        assertThat(leftover).doesNotExist();
    }

    @Test
    void failedUnpackLeavesNoHalfFilledCache() throws Exception {
        Path zip = fakeDistribution(Map.of(FOLDER + "/../../escape.txt", "evil"));
        Path cache = temp.resolve("cache");

        assertThatThrownBy(() -> KeycloakDistribution.ensureUnpacked(cache, FOLDER, () -> zip))
                .isInstanceOf(UncheckedIOException.class)
                .hasStackTraceContaining("escapes the target folder");

        assertThat(cache.resolve(FOLDER)).doesNotExist();
        assertThat(temp.resolve("escape.txt")).doesNotExist();
        try (var entries = Files.list(cache)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void cacheRootPrefersTheConfiguredFolder() {
        assertThat(KeycloakDistribution.cacheRoot(temp.resolve("x"))).isEqualTo(temp.resolve("x").toAbsolutePath());
        if (System.getenv(KeycloakDistribution.CACHE_ENV) == null
                && System.getProperty(KeycloakDistribution.CACHE_PROPERTY) == null) {
            assertThat(KeycloakDistribution.cacheRoot(null))
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "mubiao"));
        }
    }

    @Test
    void bakedInZipPathPointsAtTheLocalMavenRepository() {
        assertThat(BuildInfo.keycloakVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(BuildInfo.keycloakDistributionZip())
                .endsWith("keycloak-quarkus-dist-" + BuildInfo.keycloakVersion() + ".zip");
        assertThat(KeycloakDistribution.locateZip()).exists();
    }

    private Path fakeDistribution(Map<String, String> extraEntries) throws IOException {
        Path zip = temp.resolve("keycloak.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry(FOLDER + "/"));
            out.putNextEntry(new ZipEntry(FOLDER + "/bin/"));
            write(out, FOLDER + "/bin/kc.sh", "#!/bin/sh\necho keycloak");
            write(out, FOLDER + "/bin/kcadm.sh", "#!/bin/sh");
            write(out, FOLDER + "/bin/kc.bat", "@echo off");
            write(out, FOLDER + "/lib/quarkus-run.jar", "jar");
            write(out, FOLDER + "/conf/keycloak.conf", "# conf");
            for (Map.Entry<String, String> entry : extraEntries.entrySet()) {
                write(out, entry.getKey(), entry.getValue());
            }
        }
        return zip;
    }

    private static void write(ZipOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        OutputStream stream = out;
        stream.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
