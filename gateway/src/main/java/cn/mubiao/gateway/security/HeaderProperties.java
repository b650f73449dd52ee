package cn.mubiao.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Objects;

/**
 * {@code mubiao.gateway.headers}: security headers beyond the fixed ones ({@code X-Content-Type-Options: nosniff},
 * {@code X-Frame-Options: DENY}, {@code Cache-Control}, HSTS on https).
 *
 * @param contentSecurityPolicy {@code Content-Security-Policy} of the gateway's pages and answers
 * @param referrerPolicy        {@code Referrer-Policy}, one of the W3C values ({@code same-origin}, {@code no-referrer} …)
 */
@ConfigurationProperties("mubiao.gateway.headers")
record HeaderProperties(String contentSecurityPolicy, String referrerPolicy) {
    HeaderProperties {
        Objects.requireNonNull(contentSecurityPolicy, "mubiao.gateway.headers.content-security-policy");
        Objects.requireNonNull(referrerPolicy, "mubiao.gateway.headers.referrer-policy");
    }
}
