package cn.mubiao.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Facts baked in at build time by Maven resource filtering ({@code build-info.txt}): the Keycloak version and the
 * absolute path of its distribution zip in the local Maven repository of the machine that built this jar.
 * Lines are read literally (not as {@link java.util.Properties}) so Windows paths keep their backslashes.
 */
final class BuildInfo {

    private static final String RESOURCE = "build-info.txt";
    private static final Map<String, String> VALUES = load();

    private BuildInfo() {
    }

    static String keycloakVersion() {
        return require("keycloak.version");
    }

    static String keycloakDistributionZip() {
        return require("keycloak.distribution.zip");
    }

    private static String require(String key) {
        String value = VALUES.get(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException("build-info.txt has no usable '" + key + "' (" + value
                    + "); was the devstack jar built by Maven with resource filtering?");
        }
        return value;
    }

    private static Map<String, String> load() {
        Map<String, String> values = new HashMap<>();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return values;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
