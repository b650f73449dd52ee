package cn.mubiao.devstack;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link DevStack#start(DevStackOptions)} should start, and where. Every port defaults to 0 (a free port is
 * picked before anything starts); {@link Builder#dataDir(Path) dataDir} defaults to none (memory/temporary storage);
 * Keycloak is off unless {@link Builder#withKeycloak(boolean) withKeycloak(true)}.
 */
public final class DevStackOptions {

    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int mongoPort;
    private final int smtpPort;
    private final int smppPort;
    private final int keycloakPort;
    private final int consolePort;
    private final Path dataDir;
    private final boolean withKeycloak;
    private final String smppSystemId;
    private final String smppPassword;
    private final boolean smppDeliveryReceipts;
    private final Path realmFile;
    private final Path cacheDir;
    private final String bindAddress;
    private final boolean smppOnly;

    private DevStackOptions(Builder b) {
        this.kafkaPort = b.kafkaPort;
        this.kafkaControllerPort = b.kafkaControllerPort;
        this.mongoPort = b.mongoPort;
        this.smtpPort = b.smtpPort;
        this.smppPort = b.smppPort;
        this.keycloakPort = b.keycloakPort;
        this.consolePort = b.consolePort;
        this.dataDir = b.dataDir;
        this.withKeycloak = b.withKeycloak;
        this.smppSystemId = b.smppSystemId;
        this.smppPassword = b.smppPassword;
        this.smppDeliveryReceipts = b.smppDeliveryReceipts;
        this.bindAddress = b.bindAddress;
        this.smppOnly = b.smppOnly;
        this.realmFile = b.realmFile;
        this.cacheDir = b.cacheDir;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public int mongoPort() {
        return mongoPort;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int smppPort() {
        return smppPort;
    }

    public int keycloakPort() {
        return keycloakPort;
    }

    public int consolePort() {
        return consolePort;
    }

    /** Persistent data folder, or {@code null} for in-memory Mongo and temporary Kafka/Keycloak folders. */
    public Path dataDir() {
        return dataDir;
    }

    public boolean withKeycloak() {
        return withKeycloak;
    }

    /** The system_id an ESME must bind with, or {@code null} to accept any. */
    public String smppSystemId() {
        return smppSystemId;
    }

    /** The password an ESME must bind with (only checked when {@link #smppSystemId()} is set). */
    public String smppPassword() {
        return smppPassword;
    }

    public boolean smppDeliveryReceipts() {
        return smppDeliveryReceipts;
    }

    /** Realm file to import into Keycloak, or {@code null} for the bundled {@code realm-mubiao.json}. */
    public Path realmFile() {
        return realmFile;
    }

    /**
     * Cache folder holding the unpacked Keycloak distribution, or {@code null} for {@code $MUBIAO_CACHE}
     * (default {@code ~/.cache/mubiao}).
     */
    public Path cacheDir() {
        return cacheDir;
    }

    /** Address the SMPP simulator and the console listen on: loopback by default, {@code 0.0.0.0} in a container. */
    public String bindAddress() {
        return bindAddress;
    }

    /** Whether only the SMPP simulator and the console run (the compose {@code smpp-sim} container). */
    public boolean smppOnly() {
        return smppOnly;
    }

    @Override
    public String toString() {
        return "DevStackOptions{kafka=" + kafkaPort + ", kafkaController=" + kafkaControllerPort
                + ", mongo=" + mongoPort + ", smtp=" + smtpPort + ", smpp=" + smppPort
                + ", keycloak=" + (withKeycloak ? String.valueOf(keycloakPort) : "off")
                + ", console=" + consolePort + ", dataDir=" + (dataDir == null ? "(memory/temp)" : dataDir) + "}";
    }

    public static final class Builder {
        private int kafkaPort;
        private int kafkaControllerPort;
        private int mongoPort;
        private int smtpPort;
        private String bindAddress = "127.0.0.1";
        private boolean smppOnly;
        private int smppPort;
        private int keycloakPort;
        private int consolePort;
        private Path dataDir;
        private boolean withKeycloak;
        private String smppSystemId;
        private String smppPassword;
        private boolean smppDeliveryReceipts = true;
        private Path realmFile;
        private Path cacheDir;

        private Builder() {
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = checkPort(port);
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = checkPort(port);
            return this;
        }

        public Builder mongoPort(int port) {
            this.mongoPort = checkPort(port);
            return this;
        }

        public Builder smtpPort(int port) {
            this.smtpPort = checkPort(port);
            return this;
        }

        public Builder smppPort(int port) {
            this.smppPort = checkPort(port);
            return this;
        }

        public Builder keycloakPort(int port) {
            this.keycloakPort = checkPort(port);
            return this;
        }

        public Builder consolePort(int port) {
            this.consolePort = checkPort(port);
            return this;
        }

        /** Persistent folder (Kafka logs, Mongo H2 file, Keycloak H2 database); {@code null} = memory/temp. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder smppOnly(boolean smppOnly) {
            this.smppOnly = smppOnly;
            return this;
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder withKeycloak(boolean withKeycloak) {
            this.withKeycloak = withKeycloak;
            return this;
        }

        /** Require this system_id/password pair on SMPP bind; by default any bind is accepted. */
        public Builder smppCredentials(String systemId, String password) {
            this.smppSystemId = Objects.requireNonNull(systemId, "systemId");
            this.smppPassword = Objects.requireNonNull(password, "password");
            return this;
        }

        /** Whether to answer registered_delivery with a deliver_sm receipt (default true). */
        public Builder smppDeliveryReceipts(boolean enabled) {
            this.smppDeliveryReceipts = enabled;
            return this;
        }

        public Builder realmFile(Path realmFile) {
            this.realmFile = realmFile;
            return this;
        }

        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }

        public DevStackOptions build() {
            return new DevStackOptions(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            return port;
        }
    }
}
