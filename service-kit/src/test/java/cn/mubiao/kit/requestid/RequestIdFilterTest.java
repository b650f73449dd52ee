package cn.mubiao.kit.requestid;

import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.kit.events.Outbox;
import cn.mubiao.kit.testing.InMemoryMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The request id: taken from the gateway or generated, in the MDC while the request runs, on its events. */
@SpringBootTest(classes = RequestIdFilterTest.App.class,
        properties = {"spring.application.name=kit-request-id", "mubiao.events.relay-interval=1h",
                "mubiao.events.topic=mubiao.test.events",
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/certs"})
@AutoConfigureMockMvc
class RequestIdFilterTest {

    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    record Pinged(String id) implements MubiaoEvent {
        @Override
        public String eventType() {
            return "mubiao.test.Pinged.v1";
        }

        @Override
        public String aggregateId() {
            return id;
        }
    }

    @SpringBootApplication
    @RestController
    static class App {
        private final Outbox outbox;

        App(Outbox outbox) {
            this.outbox = outbox;
        }

        @GetMapping("/request-id")
        String requestId() {
            return String.valueOf(MDC.get(RequestIds.MDC_KEY));
        }

        @PostMapping("/pings")
        String ping() {
            return String.valueOf(outbox.entry(new Pinged("p-1")).requestId());
        }
    }

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("kit-request-id"));
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aWellFormedIncomingIdIsInTheMdcDuringTheRequestAndEchoed() throws Exception {
        mvc.perform(get("/request-id").header("X-Request-Id", "gw-4f2a.01:beef_7").with(user("410100", "city")))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Request-Id", "gw-4f2a.01:beef_7"))
                .andExpect(content().string("gw-4f2a.01:beef_7"));
    }

    @Test
    void withoutAnIncomingIdAUuidIsGeneratedUsedAndEchoed() throws Exception {
        MvcResult result = mvc.perform(get("/request-id").with(user("410100", "city")))
                .andExpect(status().isOk()).andReturn();

        String echoed = result.getResponse().getHeader("X-Request-Id");
        assertThat(echoed).matches(UUID_FORM);
        assertThat(result.getResponse().getContentAsString()).isEqualTo(echoed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "evil\r\nX-Injected: yes", "-leading-dash", "ünïcode", "{json}",
            "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789"
                    + "0123456789012345678901234567890"})
    void aMalformedIncomingIdIsReplacedAndNeverEchoed(String malformed) throws Exception {
        MvcResult result = mvc.perform(get("/request-id").header("X-Request-Id", malformed).with(user("410100", "city")))
                .andExpect(status().isOk()).andReturn();

        String echoed = result.getResponse().getHeader("X-Request-Id");
        assertThat(echoed).matches(UUID_FORM);
        assertThat(result.getResponse().getContentAsString()).isEqualTo(echoed);
    }

    @Test
    void theMdcIsLeftAsItWasAfterTheRequest() throws Exception {
        MDC.remove(RequestIds.MDC_KEY);

        mvc.perform(get("/request-id").header("X-Request-Id", "after-1").with(user("410100", "city")))
                .andExpect(status().isOk());

        assertThat(MDC.get(RequestIds.MDC_KEY)).isNull();
    }

    @Test
    void eventsRecordedDuringARequestCarryItsId() throws Exception {
        mvc.perform(post("/pings").header("X-Request-Id", "req-outbox-1").with(user("410100", "city")))
                .andExpect(status().isOk())
                .andExpect(content().string("req-outbox-1"));
    }

    @Test
    void aRequestRefusedBeforeAnyControllerStillGetsAnId() throws Exception {
        mvc.perform(get("/request-id").header("X-Request-Id", "unauthenticated-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("X-Request-Id", "unauthenticated-1"));
    }

    @Test
    void outsideARequestThereIsNoIdAndEventsCarryNone() {
        MDC.remove(RequestIds.MDC_KEY);

        assertThat(RequestIds.current()).isNull();
        try (RequestIds.Binding ignored = RequestIds.bind("outer")) {
            try (RequestIds.Binding inner = RequestIds.bind("inner")) {
                assertThat(RequestIds.current()).isEqualTo("inner");
            }
            assertThat(RequestIds.current()).isEqualTo("outer");
        }
        assertThat(RequestIds.current()).isNull();
    }
}
