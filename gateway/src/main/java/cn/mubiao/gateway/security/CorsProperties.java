package cn.mubiao.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * {@code mubiao.gateway.cors}: which other origins' pages may call the APIs (with credentials), e.g. the console.
 *
 * @param allowedOrigins exact origins ({@code scheme://host[:port]}); none: no cross-origin calls at all
 * @param maxAge         how long a browser may keep a preflight's answer
 */
@ConfigurationProperties("mubiao.gateway.cors")
record CorsProperties(List<String> allowedOrigins, Duration maxAge) {
    CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        Objects.requireNonNull(maxAge, "mubiao.gateway.cors.max-age");
    }
}
