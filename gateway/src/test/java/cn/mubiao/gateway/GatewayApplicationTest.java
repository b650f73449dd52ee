package cn.mubiao.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApplicationTest {

    @Test
    void theGatewayRunsOneEventLoopPerCoreUnlessTold() {
        assertThat(GatewayApplication.eventLoops(null, 2)).isEqualTo("2");
        assertThat(GatewayApplication.eventLoops("", 8)).isEqualTo("8");
        assertThat(GatewayApplication.eventLoops("6", 2)).as("-Dreactor.netty.ioWorkerCount wins").isEqualTo("6");
    }
}
