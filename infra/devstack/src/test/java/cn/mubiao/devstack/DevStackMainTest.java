package cn.mubiao.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DevStackMainTest {

    @Test
    void defaultsAreTheFixedPortsOfUp() {
        DevStackOptions options = DevStackMain.parse(new String[0]);

        assertThat(options.dataDir()).isEqualTo(Path.of("var", "devstack"));
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.mongoPort()).isEqualTo(27017);
        assertThat(options.smtpPort()).isEqualTo(3025);
        assertThat(options.smppPort()).isEqualTo(2775);
        assertThat(options.keycloakPort()).isEqualTo(8180);
        assertThat(options.consolePort()).isEqualTo(8025);
        assertThat(options.withKeycloak()).isTrue();
        assertThat(options.smppSystemId()).isNull();
        assertThat(options.smppDeliveryReceipts()).isTrue();
    }

    @Test
    void optionsAcceptSeparateAndEqualsValues() {
        DevStackOptions options = DevStackMain.parse(new String[] {"--data-dir", "/tmp/ds", "--kafka-port=19092",
                "--mongo-port", "0", "--no-keycloak", "--smpp-system-id", "mubiao", "--smpp-password=secret",
                "--no-delivery-receipts", "--realm-file", "realm.json"});

        assertThat(options.dataDir()).isEqualTo(Path.of("/tmp/ds"));
        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.mongoPort()).isZero();
        assertThat(options.withKeycloak()).isFalse();
        assertThat(options.smppSystemId()).isEqualTo("mubiao");
        assertThat(options.smppPassword()).isEqualTo("secret");
        assertThat(options.smppDeliveryReceipts()).isFalse();
        assertThat(options.realmFile()).isEqualTo(Path.of("realm.json"));
    }

    @Test
    void ephemeralMeansNoDataDir() {
        assertThat(DevStackMain.parse(new String[] {"--ephemeral"}).dataDir()).isNull();
    }

    @Test
    void helpReturnsNoOptions() {
        assertThat(DevStackMain.parse(new String[] {"--help"})).isNull();
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> DevStackMain.parse(new String[] {"--kafka-port"}))
                .hasMessageContaining("missing value for --kafka-port");
        assertThatThrownBy(() -> DevStackMain.parse(new String[] {"--kafka-port", "abc"}))
                .hasMessageContaining("not a port number");
        assertThatThrownBy(() -> DevStackMain.parse(new String[] {"--smtp-port", "70000"}))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> DevStackMain.parse(new String[] {"--frobnicate"}))
                .hasMessageContaining("unknown option: --frobnicate");
        assertThatThrownBy(() -> DevStackMain.parse(new String[] {"--smpp-system-id", "x"}))
                .hasMessageContaining("go together");
    }

    @Test
    void onlySmppRunsTheSimulatorAloneWithoutKeycloakOrData() {
        DevStackOptions options = DevStackMain.parse(new String[] {"--only", "smpp", "--bind-address", "0.0.0.0",
                "--smpp-port", "2775", "--console-port", "8026"});

        assertThat(options.smppOnly()).isTrue();
        assertThat(options.withKeycloak()).isFalse();
        assertThat(options.dataDir()).isNull();
        assertThat(options.bindAddress()).isEqualTo("0.0.0.0");
        assertThatThrownBy(() -> DevStackMain.parse(new String[] {"--only", "kafka"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smpp");
    }

    @Test
    void anSmppOnlyStackListensOnTheGivenAddressAndReportsTheRestDisabled() throws Exception {
        try (DevStack stack = DevStack.start(DevStackOptions.builder().smppOnly(true).bindAddress("0.0.0.0").build())) {
            assertThat(stack.health()).containsEntry("smpp", "UP").containsEntry("kafka", "DISABLED")
                    .containsEntry("mongodb", "DISABLED").containsEntry("keycloak", "DISABLED");
            try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLocalHost(), stack.smppPort())) {
                assertThat(s.isConnected()).isTrue();
            }
        }
    }
}
