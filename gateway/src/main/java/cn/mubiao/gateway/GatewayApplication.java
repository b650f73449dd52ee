package cn.mubiao.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The single entry point: routes /api/** to the services; checks bearer tokens at the edge and signs browsers in
 * at Keycloak (session here, token relayed); timeouts, circuit breakers, rate and size limits, security headers,
 * CORS and request ids on the way.
 */
@SpringBootApplication
public class GatewayApplication {

    /** Reactor Netty's setting of how many event loops serve the gateway's connections (in and out). */
    static final String EVENT_LOOPS = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        System.setProperty(EVENT_LOOPS, eventLoops(System.getProperty(EVENT_LOOPS), Runtime.getRuntime().availableProcessors()));
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * One event loop per core unless {@code -Dreactor.netty.ioWorkerCount} says otherwise; Reactor Netty's own
     * default is at least four. A routed call lives on one loop (routing.SameLoopRouting), so more loops than cores
     * only make loops take turns: on two cores, two loops instead of four cut the gateway's context switches per
     * call from 1.6 to 1.2 and its CPU per call from 0.51–0.57 of a direct call to 0.45–0.50
     * (infra/bench/gateway-overhead, docs/adr/0019).
     */
    static String eventLoops(String configured, int cores) {
        return configured != null && !configured.isBlank() ? configured : String.valueOf(Math.max(1, cores));
    }
}
