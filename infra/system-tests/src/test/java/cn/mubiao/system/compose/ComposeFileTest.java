package cn.mubiao.system.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.mubiao.contracts.Topics;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks docker-compose.yml at the repository root: that it is a valid Compose file, and that it stays in step with
 * what the services read from their {@code application.yml} (ports, environment variables, database names), with the
 * event topics of the contracts and with the realm file the devstack imports. Needs no Docker.
 */
class ComposeFileTest {

    /** The five services built from this repository; the module directory is the compose service name. */
    private static final List<String> SERVICES =
            List.of("gateway", "target-service", "progress-service", "scoring-service", "notification-service");

    /** Variables compose may set that are read by the JVM or Spring itself rather than by an application.yml. */
    private static final Set<String> NOT_FROM_APPLICATION_YML = Set.of("JAVA_TOOL_OPTIONS", "SPRING_PROFILES_ACTIVE");

    /** An environment placeholder in an application.yml: {@code ${NAME}} or {@code ${NAME:default}}. */
    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?=[:}])");

    private static final Pattern SERVER_PORT_PLACEHOLDER = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}");
    private static final Pattern MONGODB_URI_PLACEHOLDER = Pattern.compile("\\$\\{MONGODB_URI:([^}]+)}");

    private static final String REALM_FILE = "infra/keycloak/realm-mubiao.json";
    private static final String REALM_IMPORT_PATH = "/opt/keycloak/data/import/realm-mubiao.json";

    private static Path root;
    private static Map<String, Object> compose;

    @BeforeAll
    static void loadComposeFile() {
        root = repositoryRoot();
        compose = yamlMap(root.resolve("docker-compose.yml"));
    }

    // ------------------------------------------------------------------------------------------------------------
    // the tests
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void composeFileValidatesAgainstTheComposeSpecification() throws IOException {
        Path schemaFile = root.resolve("infra/compose/compose-spec.json");
        com.fasterxml.jackson.databind.ObjectMapper jackson2 = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode schemaNode = jackson2.readTree(schemaFile.toFile());
        assertThat(schemaNode.path("$schema").asText())
                .as("the draft the validator is set up for")
                .contains("draft-07");

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(schemaFile.toUri(), schemaNode);
        com.fasterxml.jackson.databind.JsonNode composeJson = jackson2.valueToTree(compose);

        Set<ValidationMessage> errors = schema.validate(composeJson);
        if (!errors.isEmpty()) {
            errors.forEach(error -> System.err.println("docker-compose.yml: " + error));
        }
        assertThat(errors).as("Compose Specification violations in docker-compose.yml").isEmpty();

        // the schema really bites: the same file with a misspelt service key and a wrong depends_on condition fails
        com.fasterxml.jackson.databind.node.ObjectNode broken = composeJson.deepCopy();
        com.fasterxml.jackson.databind.node.ObjectNode gateway =
                (com.fasterxml.jackson.databind.node.ObjectNode) broken.path("services").path("gateway");
        gateway.put("restart_policy", "always");
        ((com.fasterxml.jackson.databind.node.ObjectNode) gateway.path("depends_on").path("keycloak"))
                .put("condition", "service_ready");
        assertThat(schema.validate(broken)).extracting(ValidationMessage::getMessage)
                .anySatisfy(message -> assertThat(message).contains("restart_policy"))
                .anySatisfy(message -> assertThat(message).contains("depends_on.keycloak.condition", "enumeration"));
    }

    @Test
    void everyServicePublishesThePortItsApplicationYmlListensOn() {
        for (String name : SERVICES) {
            int port = applicationPort(name);
            Map<String, Object> service = service(name);

            assertThat(ports(service))
                    .as("%s listens on %d (application.yml): compose must publish it as %d:%d", name, port, port, port)
                    .contains(new PortMapping(port, port));
            String serverPort = environment(service).get("SERVER_PORT");
            if (serverPort != null) {
                assertThat(serverPort).as("%s SERVER_PORT", name).isEqualTo(String.valueOf(port));
            }
            assertThat(healthcheckTest(service))
                    .as("%s healthcheck probes the port it listens on", name)
                    .contains("localhost:" + port + "/actuator/health");
        }
    }

    @Test
    void everyEnvironmentVariableAServiceReadsIsSetInCompose() {
        for (String name : SERVICES) {
            Set<String> read = variablesRead(name);
            Set<String> set = environment(service(name)).keySet();

            assertThat(set).as("%s reads %s in application.yml; compose must set every one", name, read)
                    .containsAll(read);
            Set<String> unread = new TreeSet<>(set);
            unread.removeAll(read);
            unread.removeAll(NOT_FROM_APPLICATION_YML);
            assertThat(unread).as("%s: compose sets variables its application.yml does not read", name).isEmpty();
        }
    }

    @Test
    void mongoDatabaseNamesMatch() {
        int checked = 0;
        for (String name : SERVICES) {
            Matcher placeholder = MONGODB_URI_PLACEHOLDER.matcher(applicationYml(name));
            if (!placeholder.find()) {
                assertThat(environment(service(name))).as("%s uses no MongoDB", name).doesNotContainKey("MONGODB_URI");
                continue;
            }
            String applicationDefault = placeholder.group(1).trim();
            String composeUri = environment(service(name)).get("MONGODB_URI");
            assertThat(composeUri).as("%s MONGODB_URI in compose", name).isNotNull();

            String database = URI.create(applicationDefault).getPath();
            assertThat(database).as("%s: database in %s", name, applicationDefault).matches("/[A-Za-z0-9_-]+");
            assertThat(URI.create(composeUri).getPath()).as("%s: database in %s", name, composeUri).isEqualTo(database);
            assertThat(URI.create(composeUri).getHost()).as("%s: Mongo host", name).isEqualTo("mongo");
            checked++;
        }
        assertThat(checked).as("services that keep their data in MongoDB").isEqualTo(4);
    }

    @Test
    void servicesWaitForHealthyDependencies() {
        Map<String, Object> services = services();
        for (String name : SERVICES) {
            Map<String, String> dependsOn = dependsOn(service(name));
            Set<String> needed = containersReferenced(name, services.keySet());
            if (variablesRead(name).contains("MONGODB_URI")) {
                needed.add("mongo");
            }
            if (variablesRead(name).contains("KAFKA_BOOTSTRAP_SERVERS")) {
                needed.add("kafka");
                assertThat(dependsOn).as("%s waits until the topics exist", name)
                        .containsEntry("kafka-init", "service_completed_successfully");
            }
            if (variablesRead(name).stream().anyMatch(variable -> variable.startsWith("KEYCLOAK_"))) {
                needed.add("keycloak");
            }
            assertThat(needed).as("%s needs", name).isNotEmpty();
            for (String dependency : needed) {
                assertThat(dependsOn).as("%s depends on %s", name, dependency)
                        .containsEntry(dependency, "service_healthy");
            }
        }

        Set<String> oneShot = oneShotServices();
        assertThat(oneShot).as("services others wait to have completed").containsExactly("kafka-init");
        for (String name : services.keySet()) {
            Map<String, Object> service = service(name);
            dependsOn(service).forEach((dependency, condition) -> {
                assertThat(services).as("%s depends on an unknown service", name).containsKey(dependency);
                assertThat(condition).as("%s -> %s", name, dependency)
                        .isEqualTo(oneShot.contains(dependency) ? "service_completed_successfully" : "service_healthy");
            });
            if (oneShot.contains(name)) {
                continue;
            }
            assertThat(service.get("healthcheck")).as("%s has a healthcheck", name).isInstanceOf(Map.class);
            Map<?, ?> healthcheck = (Map<?, ?>) service.get("healthcheck");
            assertThat(healthcheck.get("disable")).as("%s healthcheck disabled", name).isNotIn(true, "true");
            assertThat(healthcheckTest(service)).as("%s healthcheck test", name).isNotBlank();
        }
    }

    @Test
    void longRunningServicesRestartKeepDataInNamedVolumesAndBoundTheirHeap() {
        Set<String> oneShot = oneShotServices();
        for (String name : services().keySet()) {
            Object restart = service(name).get("restart");
            if (oneShot.contains(name)) {
                assertThat(restart).as("%s runs once", name).isIn(null, "no");
            } else {
                assertThat(restart).as("%s restart policy", name).isEqualTo("unless-stopped");
            }
        }
        assertThat(compose.get("volumes")).as("top-level volumes").isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) compose.get("volumes")).keySet()).as("top-level named volumes")
                .map(String::valueOf).contains("mongo-data", "kafka-data");
        assertThat(strings(service("mongo").get("volumes"))).contains("mongo-data:/data/db");
        assertThat(strings(service("kafka").get("volumes"))).contains("kafka-data:/var/lib/kafka/data");
        assertThat(environment(service("kafka"))).containsEntry("KAFKA_LOG_DIRS", "/var/lib/kafka/data");

        for (String name : SERVICES) {
            assertThat(environment(service(name)).get("JAVA_TOOL_OPTIONS")).as("%s JAVA_TOOL_OPTIONS", name)
                    .matches(".*-Xmx\\d+[mMgG].*");
        }
    }

    @Test
    void connectionSettingsPointAtTheComposeContainers() {
        Map<String, String> keycloak = environment(service("keycloak"));
        String hostname = keycloak.get("KC_HOSTNAME");
        assertThat(hostname).isEqualTo("http://localhost:8180");
        assertThat(keycloak).containsEntry("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        int keycloakHttpPort = Integer.parseInt(flagValue(command(service("keycloak")), "--http-port"));
        assertThat(ports(service("keycloak"))).contains(new PortMapping(URI.create(hostname).getPort(), keycloakHttpPort));

        String kafkaAdvertised = environment(service("kafka")).get("KAFKA_ADVERTISED_LISTENERS");
        List<String> smppCommand = command(service("smpp-sim"));

        for (String name : SERVICES) {
            Map<String, String> env = environment(service(name));
            env.forEach((variable, value) -> {
                String what = name + " " + variable + "=" + value;
                switch (variable) {
                    case "KEYCLOAK_ISSUER_URI" -> assertThat(value).as(what).isEqualTo(hostname + "/realms/mubiao");
                    case "KEYCLOAK_JWK_SET_URI" -> {
                        URI uri = URI.create(value);
                        assertThat(uri.getHost()).as(what).isEqualTo("keycloak");
                        assertThat(uri.getPort()).as(what).isEqualTo(keycloakHttpPort);
                        assertThat(uri.getPath()).as(what).isEqualTo("/realms/mubiao/protocol/openid-connect/certs");
                    }
                    case "KEYCLOAK_URL" -> assertThat(value).as(what).isEqualTo("http://keycloak:" + keycloakHttpPort);
                    case "KAFKA_BOOTSTRAP_SERVERS" -> assertThat("PLAINTEXT://" + value).as(what).isEqualTo(kafkaAdvertised);
                    case "MONGODB_URI" -> assertThat(URI.create(value).getAuthority()).as(what).isEqualTo("mongo:27017");
                    case "SMTP_HOST" -> assertThat(value).as(what).isEqualTo("mailpit");
                    case "SMTP_PORT" -> assertThat(value).as(what).isEqualTo("1025");
                    case "SMPP_HOST" -> assertThat(value).as(what).isEqualTo("smpp-sim");
                    case "SMPP_PORT" -> assertThat(value).as(what).isEqualTo(flagValue(smppCommand, "--smpp-port"));
                    case "SMPP_SYSTEM_ID" -> assertThat(value).as(what).isEqualTo(flagValue(smppCommand, "--smpp-system-id"));
                    case "SMPP_PASSWORD" -> assertThat(value).as(what).isEqualTo(flagValue(smppCommand, "--smpp-password"));
                    default -> {
                        if (variable.endsWith("_SERVICE_URL")) {
                            URI uri = URI.create(value);
                            String target = uri.getHost();
                            assertThat(SERVICES).as(what).contains(target);
                            assertThat(variable).as(what)
                                    .isEqualTo(target.toUpperCase().replace('-', '_') + "_URL");
                            assertThat(uri.getPort()).as(what).isEqualTo(applicationPort(target));
                        }
                    }
                }
            });
        }
        Map<String, String> gateway = environment(service("gateway"));
        for (String target : SERVICES.subList(1, SERVICES.size())) {
            assertThat(gateway).as("gateway routes to %s", target)
                    .containsKey(target.toUpperCase().replace('-', '_') + "_URL");
        }
    }

    @Test
    void keycloakImportsTheSameRealmFileTheDevstackUses() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(String.valueOf(keycloak.get("image"))).startsWith("quay.io/keycloak/keycloak:");
        assertThat(command(keycloak)).contains("start-dev", "--import-realm");
        assertThat(strings(keycloak.get("volumes")))
                .as("realm file mounted read-only where --import-realm looks")
                .contains("./" + REALM_FILE + ":" + REALM_IMPORT_PATH + ":ro");

        String devstackPom = Files.readString(root.resolve("infra/devstack/pom.xml"), StandardCharsets.UTF_8);
        assertThat(devstackPom).as("the devstack bundles the realm from infra/keycloak")
                .contains("/../keycloak</directory>")
                .contains("<include>realm-mubiao.json</include>");

        Path realm = root.resolve(REALM_FILE);
        assertThat(realm).as("%s", REALM_FILE).isRegularFile();
        tools.jackson.databind.JsonNode realmJson = new tools.jackson.databind.ObjectMapper().readTree(realm.toFile());
        assertThat(realmJson.path("realm").asString()).isEqualTo("mubiao");
    }

    @Test
    void topicsCreatedInComposeMatchTheContracts() {
        Map<String, Object> init = service("kafka-init");
        assertThat(init.get("image")).as("kafka-init uses the broker's image").isEqualTo(service("kafka").get("image"));
        assertThat(dependsOn(init)).containsEntry("kafka", "service_healthy");

        Pattern topic = Pattern.compile("--topic\\s+(\\S+)");
        Pattern partitions = Pattern.compile("--partitions\\s+(\\d+)");
        Map<String, Integer> created = new TreeMap<>();
        for (String line : String.join("\n", command(init)).split("\\R")) {
            if (!line.contains("--create")) {
                continue;
            }
            assertThat(line).as(line)
                    .contains("/opt/kafka/bin/kafka-topics.sh", "--if-not-exists", "--replication-factor 1",
                            "--bootstrap-server kafka:9092");
            Matcher t = topic.matcher(line);
            Matcher p = partitions.matcher(line);
            assertThat(t.find() && p.find()).as("topic and partitions in: %s", line).isTrue();
            assertThat(created.put(t.group(1), Integer.parseInt(p.group(1)))).as("%s created twice", t.group(1)).isNull();
        }

        Map<String, Integer> expected = new TreeMap<>();
        for (String eventTopic : Topics.ALL) {
            expected.put(eventTopic, Topics.PARTITIONS);
            expected.put(Topics.deadLetter(eventTopic), 1);
        }
        assertThat(expected).containsOnlyKeys(
                "mubiao.target.events", "mubiao.target.events.DLT",
                "mubiao.progress.events", "mubiao.progress.events.DLT",
                "mubiao.scoring.events", "mubiao.scoring.events.DLT",
                "mubiao.notification.events", "mubiao.notification.events.DLT");
        assertThat(created).as("topics kafka-init creates, with their partitions").isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------------------------
    // reading docker-compose.yml
    // ------------------------------------------------------------------------------------------------------------

    private record PortMapping(int published, int target) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> services() {
        Object services = compose.get("services");
        assertThat(services).as("services").isInstanceOf(Map.class);
        return (Map<String, Object>) services;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Object service = services().get(name);
        if (!(service instanceof Map)) {
            fail("docker-compose.yml has no service " + name);
        }
        return (Map<String, Object>) service;
    }

    /** {@code environment} in map or list form; a bare {@code NAME} in the list form counts as set (to ""). */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((key, value) -> env.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (raw instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        return env;
    }

    /** Published/target pairs from both the short ("[ip:]published:target[/proto]") and the long syntax. */
    private static List<PortMapping> ports(Map<String, Object> service) {
        List<PortMapping> mappings = new ArrayList<>();
        Object raw = service.get("ports");
        if (!(raw instanceof List<?> list)) {
            return mappings;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> longSyntax) {
                int target = Integer.parseInt(String.valueOf(longSyntax.get("target")));
                Object published = longSyntax.get("published");
                mappings.add(new PortMapping(published == null ? -1 : Integer.parseInt(String.valueOf(published)),
                        target));
            } else {
                String spec = String.valueOf(item);
                int slash = spec.indexOf('/');
                String[] parts = (slash < 0 ? spec : spec.substring(0, slash)).split(":");
                int target = Integer.parseInt(parts[parts.length - 1]);
                int published = parts.length >= 2 ? Integer.parseInt(parts[parts.length - 2]) : -1;
                mappings.add(new PortMapping(published, target));
            }
        }
        return mappings;
    }

    /** depends_on as service -> condition; the list form means service_started. */
    private static Map<String, String> dependsOn(Map<String, Object> service) {
        Map<String, String> result = new LinkedHashMap<>();
        Object raw = service.get("depends_on");
        if (raw instanceof List<?> list) {
            list.forEach(item -> result.put(String.valueOf(item), "service_started"));
        } else if (raw instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key),
                    value instanceof Map<?, ?> details ? String.valueOf(details.get("condition")) : "service_started"));
        }
        return result;
    }

    /** Services that something waits for with service_completed_successfully (run once, then exit). */
    private static Set<String> oneShotServices() {
        Set<String> oneShot = new TreeSet<>();
        for (String name : services().keySet()) {
            dependsOn(service(name)).forEach((dependency, condition) -> {
                if ("service_completed_successfully".equals(condition)) {
                    oneShot.add(dependency);
                }
            });
        }
        return oneShot;
    }

    private static List<String> command(Map<String, Object> service) {
        Object raw = service.get("command");
        if (raw == null) {
            return List.of();
        }
        if (raw instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(raw).trim().split("\\s+"));
    }

    private static String flagValue(List<String> command, String flag) {
        for (int i = 0; i < command.size(); i++) {
            String arg = command.get(i);
            if (arg.equals(flag) && i + 1 < command.size()) {
                return command.get(i + 1);
            }
            if (arg.startsWith(flag + "=")) {
                return arg.substring(flag.length() + 1);
            }
        }
        return fail("no " + flag + " in " + command);
    }

    private static String healthcheckTest(Map<String, Object> service) {
        if (!(service.get("healthcheck") instanceof Map<?, ?> healthcheck)) {
            return "";
        }
        Object test = healthcheck.get("test");
        return test instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(test == null ? "" : test);
    }

    /**
     * Compose services that a service's environment names as a host: in a URL ({@code http://keycloak:8080/...}),
     * a host:port list ({@code kafka:9092}) or a bare host ({@code mailpit}).
     */
    private static Set<String> containersReferenced(String name, Set<String> serviceNames) {
        Set<String> referenced = new LinkedHashSet<>();
        for (String value : environment(service(name)).values()) {
            for (String part : value.split(",")) {
                String host = part.trim();
                int scheme = host.indexOf("://");
                if (scheme >= 0) {
                    host = host.substring(scheme + 3);
                }
                host = host.split("[:/?]", 2)[0];
                if (serviceNames.contains(host) && !host.equals(name)) {
                    referenced.add(host);
                }
            }
        }
        return referenced;
    }

    private static List<String> strings(Object list) {
        assertThat(list).isInstanceOf(List.class);
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    // ------------------------------------------------------------------------------------------------------------
    // reading the services' application.yml
    // ------------------------------------------------------------------------------------------------------------

    private static String applicationYml(String module) {
        Path file = root.resolve(module).resolve("src/main/resources/application.yml");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The service-kit settings a service's application.yml imports ({@code spring.config.import}). */
    static final String KIT_CONFIG = "mubiao-kit.yml";

    private static Set<String> variablesRead(String module) {
        Set<String> names = new TreeSet<>();
        String text = applicationYml(module);
        if (text.contains("classpath:" + KIT_CONFIG)) {
            Path kit = root.resolve("service-kit/src/main/resources").resolve(KIT_CONFIG);
            try {
                text += "\n" + Files.readString(kit, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + kit, e);
            }
        }
        Matcher matcher = ENV_PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** server.port of a module: the default of its {@code ${SERVER_PORT:NNNN}} placeholder (or a literal port). */
    private static int applicationPort(String module) {
        Map<String, Object> yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(applicationYml(module));
        Object server = yaml == null ? null : yaml.get("server");
        Object port = server instanceof Map<?, ?> map ? map.get("port") : null;
        assertThat(port).as("%s application.yml server.port", module).isNotNull();
        String text = String.valueOf(port).trim();
        Matcher placeholder = SERVER_PORT_PLACEHOLDER.matcher(text);
        if (placeholder.matches()) {
            return Integer.parseInt(placeholder.group(1));
        }
        assertThat(text).as("%s server.port: ${SERVER_PORT:NNNN} or a number", module).matches("\\d+");
        return Integer.parseInt(text);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static Map<String, Object> yamlMap(Path file) {
        try {
            Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(loaded).as("%s holds a mapping", file).isInstanceOf(Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) loaded;
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@code -Dmubiao.root} (set by the module's surefire configuration), else the nearest folder above that has both. */
    private static Path repositoryRoot() {
        String property = System.getProperty("mubiao.root");
        if (property != null && !property.isBlank()) {
            Path candidate = Path.of(property).toAbsolutePath().normalize();
            if (isRepositoryRoot(candidate)) {
                return candidate;
            }
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRepositoryRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder with `mubiao` and docker-compose.yml above "
                + Path.of("").toAbsolutePath() + " (mubiao.root=" + property + ")");
    }

    private static boolean isRepositoryRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("mubiao")) && Files.isRegularFile(dir.resolve("docker-compose.yml"));
    }
}
