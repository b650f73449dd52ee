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
    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
