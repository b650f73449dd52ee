package cn.mubiao.progress.exchange;

import cn.mubiao.kit.testing.InMemoryMongo;
import cn.mubiao.progress.exchange.application.ValueLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static cn.mubiao.kit.testing.Tokens.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Until the report domain provides a ValueLedger the service starts as before, without the DHIS2 endpoints. */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h", "mubiao.test.in-memory-ledger=off"})
@AutoConfigureMockMvc
class Dhis2WithoutLedgerTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("progress-dhis2-off-test"));
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    @Test
    void theServiceStartsWithoutALedgerAndTheExchangeIsAbsent() throws Exception {
        assertThat(context.getBeanNamesForType(ValueLedger.class)).isEmpty();
        mvc.perform(get(Dhis2ApiTest.SETS).with(user("410102", "county", "reporter"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/progress/reports").param("assignmentId", "x@410102").with(user("410102", "county", "reporter")))
                .andExpect(status().isNotFound()); // the report endpoints are there: an unknown assignment
    }
}
