package cn.mubiao.kit.testing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new endpoint without a row in the access matrix fails the build. Each service extends this once, in its
 * own package, so the service's whole application is started.
 */
@SpringBootTest(properties = {"mubiao.events.subscribe=", "mubiao.events.relay-interval=1h"})
public abstract class EveryEndpointHasAnAccessRow {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("endpoints-test"));
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyEndpointHasARowInTheAccessMatrix() {
        assertThat(AccessMatrix.endpoints(mapping)).isNotEmpty()
                .allSatisfy(e -> assertThat(AccessMatrix.rows()).as("rows of %s", AccessMatrix.FILE).contains(e));
    }
}
