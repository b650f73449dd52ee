package cn.mubiao.scoring.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * Settings of the province feed ({@code mubiao.scoring.dhis2.*}).
 *
 * @param systemVersion the DHIS2 version {@code /api/system/info} reports to clients that probe it
 * @param zone          the zone a {@code lastUpdated} date starts in and {@code system/info} reports
 */
@ConfigurationProperties("mubiao.scoring.dhis2")
public record FeedProperties(@DefaultValue("2.40.0") String systemVersion, @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
