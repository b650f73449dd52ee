package cn.mubiao.devstack;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the devstack until SIGTERM/Ctrl-C, for {@code ./mubiao up}:
 * <pre>
 * java -jar infra/devstack/target/devstack-exec.jar --data-dir var/devstack
 * </pre>
 * Prints {@code DEVSTACK READY} on a line of its own, followed by the endpoints, once every part answers.
 */
public final class DevStackMain {

    static final String READY_LINE = "DEVSTACK READY";
    private static final String LOGBACK_CONFIG = "cn/mubiao/devstack/devstack-logback.xml";

    private static final String USAGE = """
            usage: java -jar devstack-exec.jar [options]
              --data-dir DIR            persistent data (Kafka logs, Mongo H2 file, Keycloak DB)  [var/devstack]
              --ephemeral               no data dir: in-memory Mongo, temporary Kafka/Keycloak data
              --kafka-port N            Kafka broker                                             [9092]
              --kafka-controller-port N Kafka KRaft controller                                   [9093]
              --mongo-port N            MongoDB wire protocol                                    [27017]
              --smtp-port N             SMTP                                                     [3025]
              --smpp-port N             SMPP                                                     [2775]
              --keycloak-port N         Keycloak HTTP                                            [8180]
              --console-port N          web console (received mail/SMS, /health)                 [8025]
              --no-keycloak             do not start Keycloak
              --only smpp               run only the SMPP simulator (and SMTP, console): the compose smpp-sim container
              --bind-address ADDR       address the SMPP simulator and console listen on          [127.0.0.1]
              --smpp-system-id ID --smpp-password PW   require these SMPP credentials (default: any)
              --no-delivery-receipts    never send SMPP delivery receipts
              --realm-file FILE         realm JSON to import (default: bundled realm-mubiao.json)
              --help
            A port of 0 picks a free one. Environment: MUBIAO_CACHE (Keycloak unpack cache, default ~/.cache/mubiao),
            MUBIAO_KEYCLOAK_ZIP (distribution zip, default: the one in the local Maven repository).""";

    private static final Set<String> VALUE_OPTIONS = Set.of("--data-dir", "--kafka-port", "--kafka-controller-port",
            "--mongo-port", "--smtp-port", "--smpp-port", "--keycloak-port", "--console-port", "--smpp-system-id",
            "--smpp-password", "--realm-file", "--only", "--bind-address");

    private DevStackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DevStackOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            out.println(USAGE);
            return;
        }

        DevStack stack;
        try {
            stack = DevStack.start(options);
        } catch (RuntimeException e) {
            System.err.println("DEVSTACK FAILED: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("DEVSTACK STOPPING");
            stack.close();
            stopped.countDown();
        }, "devstack-shutdown"));

        StringBuilder ready = new StringBuilder(READY_LINE).append(System.lineSeparator());
        for (Map.Entry<String, String> endpoint : stack.endpoints().entrySet()) {
            ready.append(String.format("  %-9s %s%n", endpoint.getKey(), endpoint.getValue()));
        }
        out.print(ready);
        out.flush();
        stopped.await();
    }

    /** @return the options, or {@code null} when help was asked for */
    static DevStackOptions parse(String[] args) {
        DevStackOptions.Builder builder = DevStackOptions.builder()
                .dataDir(Path.of("var", "devstack"))
                .kafkaPort(9092)
                .kafkaControllerPort(9093)
                .mongoPort(27017)
                .smtpPort(3025)
                .smppPort(2775)
                .keycloakPort(8180)
                .consolePort(8025)
                .withKeycloak(true);
        String smppSystemId = null;
        String smppPassword = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--ephemeral" -> builder.dataDir(null);
                case "--no-keycloak" -> builder.withKeycloak(false);
                case "--no-delivery-receipts" -> builder.smppDeliveryReceipts(false);
                default -> {
                    if (!VALUE_OPTIONS.contains(arg)) {
                        throw new IllegalArgumentException("unknown option: " + arg);
                    }
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("missing value for " + arg);
                        }
                        value = args[++i];
                    }
                    switch (arg) {
                        case "--data-dir" -> builder.dataDir(Path.of(value));
                        case "--kafka-port" -> builder.kafkaPort(port(arg, value));
                        case "--kafka-controller-port" -> builder.kafkaControllerPort(port(arg, value));
                        case "--mongo-port" -> builder.mongoPort(port(arg, value));
                        case "--smtp-port" -> builder.smtpPort(port(arg, value));
                        case "--smpp-port" -> builder.smppPort(port(arg, value));
                        case "--keycloak-port" -> builder.keycloakPort(port(arg, value));
                        case "--console-port" -> builder.consolePort(port(arg, value));
                        case "--smpp-system-id" -> smppSystemId = value;
                        case "--smpp-password" -> smppPassword = value;
                        case "--realm-file" -> builder.realmFile(Path.of(value));
                        case "--bind-address" -> builder.bindAddress(value);
                        case "--only" -> {
                            if (!value.equals("smpp")) {
                                throw new IllegalArgumentException("--only takes: smpp");
                            }
                            builder.smppOnly(true).withKeycloak(false).dataDir(null);
                        }
                        default -> throw new IllegalArgumentException("unknown option: " + arg);
                    }
                }
            }
        }
        if (smppSystemId != null || smppPassword != null) {
            if (smppSystemId == null || smppPassword == null) {
                throw new IllegalArgumentException("--smpp-system-id and --smpp-password go together");
            }
            builder.smppCredentials(smppSystemId, smppPassword);
        }
        return builder.build();
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(option + ": port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a port number: " + value, e);
        }
    }
}
