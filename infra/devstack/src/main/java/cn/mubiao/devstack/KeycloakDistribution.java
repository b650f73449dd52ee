package cn.mubiao.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Keycloak server distribution, unpacked once per machine into a cache folder
 * ({@code $MUBIAO_CACHE/keycloak-<version>}, default {@code ~/.cache/mubiao/keycloak-<version>}).
 * Unpacking goes to a temporary sibling folder that is renamed into place only when complete, so a crash
 * mid-unzip never leaves a half-filled cache behind.
 */
final class KeycloakDistribution {

    private static final Logger log = LoggerFactory.getLogger(KeycloakDistribution.class);

    static final String CACHE_ENV = "MUBIAO_CACHE";
    static final String CACHE_PROPERTY = "mubiao.cache";
    static final String ZIP_ENV = "MUBIAO_KEYCLOAK_ZIP";
    static final String ZIP_PROPERTY = "mubiao.keycloak.zip";
    /** Written last into an unpacked folder; its presence means the folder is complete. */
    static final String COMPLETE_MARKER = ".mubiao-unpacked";
    private static final String UNPACK_PREFIX = ".unpacking-";
    private static final Duration STALE_UNPACK_AGE = Duration.ofMinutes(30);

    private KeycloakDistribution() {
    }

    /** The cache root: the given one, else {@code -Dmubiao.cache}, else {@code $MUBIAO_CACHE}, else ~/.cache/mubiao. */
    static Path cacheRoot(Path configured) {
        if (configured != null) {
            return configured.toAbsolutePath();
        }
        String property = System.getProperty(CACHE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String env = System.getenv(CACHE_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "mubiao");
    }

    /** Returns the Keycloak home folder inside {@code cacheRoot}, unpacking the distribution first if needed. */
    static Path ensureUnpacked(Path cacheRoot) {
        String version = BuildInfo.keycloakVersion();
        return ensureUnpacked(cacheRoot, "keycloak-" + version, KeycloakDistribution::locateZip);
    }

    interface ZipLocator {
        Path locate();
    }

    static Path ensureUnpacked(Path cacheRoot, String folderName, ZipLocator zipLocator) {
        Path home = cacheRoot.resolve(folderName);
        if (isComplete(home)) {
            return home;
        }
        try {
            Files.createDirectories(cacheRoot);
            removeStaleUnpacks(cacheRoot, folderName);
            if (Files.exists(home)) {
                // an unpacked folder without the marker: left by something else; set it aside, do not trust it
                Path broken = cacheRoot.resolve(UNPACK_PREFIX + folderName + "-broken-" + System.nanoTime());
                log.warn("{} is incomplete; moving it to {} and unpacking again", home, broken);
                Files.move(home, broken);
                FileTrees.deleteRecursively(broken);
            }
            Path zip = zipLocator.locate();
            long started = System.nanoTime();
            log.info("Unpacking {} into {} (once per machine)", zip, home);
            Path temp = Files.createTempDirectory(cacheRoot, UNPACK_PREFIX + folderName + "-");
            try {
                unzipStrippingTopFolder(zip, temp);
                makeScriptsExecutable(temp.resolve("bin"));
                Files.writeString(temp.resolve(COMPLETE_MARKER), "unpacked from " + zip + " at " + Instant.now());
                moveIntoPlace(temp, home);
            } finally {
                if (Files.exists(temp)) {
                    FileTrees.deleteRecursively(temp);
                }
            }
            log.info("Keycloak distribution ready in {} ({} ms)", home,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            if (!isComplete(home)) {
                throw new IllegalStateException(home + " is still incomplete after unpacking");
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the Keycloak distribution into " + home, e);
        }
    }

    static boolean isComplete(Path home) {
        return Files.isRegularFile(home.resolve(COMPLETE_MARKER))
                && Files.isRegularFile(home.resolve("lib").resolve("quarkus-run.jar"))
                && Files.isRegularFile(home.resolve("bin").resolve("kc.sh"));
    }

    /** -Dmubiao.keycloak.zip, $MUBIAO_KEYCLOAK_ZIP, the path baked in at build time, then ~/.m2/repository. */
    static Path locateZip() {
        String version = BuildInfo.keycloakVersion();
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty(ZIP_PROPERTY);
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        String env = System.getenv(ZIP_ENV);
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of(BuildInfo.keycloakDistributionZip()));
        candidates.add(Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "keycloak",
                "keycloak-quarkus-dist", version, "keycloak-quarkus-dist-" + version + ".zip"));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Keycloak distribution zip not found; looked at " + candidates
                + ". Fetch it with: mvn dependency:get -Dartifact=org.keycloak:keycloak-quarkus-dist:" + version
                + ":zip (or set " + ZIP_ENV + " / -D" + ZIP_PROPERTY + ")");
    }

    private static void unzipStrippingTopFolder(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // the top-level folder itself (keycloak-<version>/)
                }
                Path destination = root.resolve(name.substring(slash + 1)).normalize();
                if (!destination.startsWith(root)) {
                    throw new IOException("zip entry escapes the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    copy(in, destination);
                    if (entry.getLastModifiedTime() != null) {
                        Files.setLastModifiedTime(destination, entry.getLastModifiedTime());
                    }
                }
            }
        }
    }

    private static void copy(InputStream in, Path destination) throws IOException {
        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void makeScriptsExecutable(Path bin) throws IOException {
        if (!Files.isDirectory(bin)) {
            return;
        }
        try (Stream<Path> files = Files.list(bin)) {
            for (Path script : files.filter(p -> p.getFileName().toString().endsWith(".sh")).toList()) {
                try {
                    Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(script));
                    permissions.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE,
                            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE));
                    Files.setPosixFilePermissions(script, permissions);
                } catch (UnsupportedOperationException e) {
                    return; // not a POSIX file system (Windows): kc.bat is used there
                }
            }
        }
    }

    private static void moveIntoPlace(Path temp, Path home) throws IOException {
        try {
            Files.move(temp, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, home);
        } catch (FileAlreadyExistsException e) {
            log.info("another process unpacked {} at the same time; using its copy", home);
        } catch (IOException e) {
            if (!isComplete(home)) { // a concurrent unpack may have won the rename (DirectoryNotEmpty)
                throw e;
            }
            log.info("another process unpacked {} at the same time; using its copy", home);
        }
    }

    /** Leftovers of an unpack that crashed (older than half an hour, so a concurrent unpack is not disturbed). */
    private static void removeStaleUnpacks(Path cacheRoot, String folderName) throws IOException {
        Instant staleBefore = Instant.now().minus(STALE_UNPACK_AGE);
        try (Stream<Path> entries = Files.list(cacheRoot)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString()
                    .startsWith(UNPACK_PREFIX + folderName)).toList()) {
                FileTime modified = Files.getLastModifiedTime(entry);
                if (modified.toInstant().isBefore(staleBefore)) {
                    log.info("removing leftover of an interrupted unpack: {}", entry);
                    FileTrees.deleteRecursively(entry);
                }
            }
        }
    }
}
