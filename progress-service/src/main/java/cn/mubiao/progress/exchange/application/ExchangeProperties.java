package cn.mubiao.progress.exchange.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the DHIS2 {@code dataValueSets} exchange.
 *
 * @param maxRows       data values one import may carry (more is a 413 problem, nothing recorded)
 * @param systemVersion the DHIS2 version {@code /api/system/info} reports to clients that probe it
 */
@ConfigurationProperties("mubiao.progress.dhis2")
public record ExchangeProperties(@DefaultValue("50000") int maxRows, @DefaultValue("2.40.0") String systemVersion) {
}
