package cn.mubiao.kit.events;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsPropertiesTest {

    private static EventsProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("mubiao.events", EventsProperties.class);
    }

    @Test
    void oneConsumerThreadAndThreeAttemptsUnlessConfigured() {
        EventsProperties p = bind(Map.of());

        assertThat(p.consumers()).isEqualTo(1);
        assertThat(p.maxAttempts()).isEqualTo(3);
        assertThat(bind(Map.of("mubiao.events.consumers", "3")).consumers()).isEqualTo(3);
    }

    @Test
    void noConsumerThreadsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("mubiao.events.consumers", "0")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("mubiao.events.consumers must be at least 1, not 0");
    }

    @Test
    void noAttemptsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> bind(Map.of("mubiao.events.max-attempts", "0")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("mubiao.events.max-attempts must be at least 1, not 0");
    }

    @Test
    void theRelayLingersTenMillisecondsUnlessConfiguredAndANegativeLingerIsRefused() {
        assertThat(bind(Map.of()).relayLinger()).isEqualTo(Duration.ofMillis(10));
        assertThat(bind(Map.of("mubiao.events.relay-linger", "0ms")).relayLinger()).isZero();
        assertThatThrownBy(() -> bind(Map.of("mubiao.events.relay-linger", "-5ms")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessage("mubiao.events.relay-linger must not be negative, not PT-0.005S");
    }
}
