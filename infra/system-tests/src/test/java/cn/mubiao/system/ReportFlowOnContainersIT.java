package cn.mubiao.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The report flow of {@link ReportFlowIT} against the official MongoDB, Kafka and Keycloak images under
 * Testcontainers. Runs only where a Docker engine answers; the embedded run in {@link ReportFlowIT} is the one
 * every machine (and CI here) executes.
 */
@EnabledIf("cn.mubiao.system.ContainerInfrastructure#dockerAvailable")
class ReportFlowOnContainersIT extends ReportFlowIT {

    @BeforeAll
    static void platform() throws Exception {
        use(Platform.containers());
    }
}
