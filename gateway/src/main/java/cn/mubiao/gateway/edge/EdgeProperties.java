package cn.mubiao.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.util.Objects;

/**
 * {@code mubiao.gateway.max-request-size}: the largest request body the gateway takes (413 above it).
 */
@ConfigurationProperties("mubiao.gateway")
record EdgeProperties(DataSize maxRequestSize) {
    EdgeProperties {
        Objects.requireNonNull(maxRequestSize, "mubiao.gateway.max-request-size");
    }
}
