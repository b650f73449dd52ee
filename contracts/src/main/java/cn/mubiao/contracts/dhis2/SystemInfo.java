package cn.mubiao.contracts.dhis2;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The part of DHIS2's {@code /api/system/info} that Web API clients read before they exchange data: the server's
 * version, time zone and base URL ({@code contextPath}). Times as DHIS2 writes them ({@code yyyy-MM-dd'T'HH:mm:ss.SSS},
 * local to {@code serverTimeZoneId}).
 */
public record SystemInfo(String version, String revision, String buildTime, String serverDate, String serverTimeZoneId,
                         String contextPath, String calendar, String dateFormat, String systemName) {

    private static final DateTimeFormatter DHIS2_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    /**
     * @param version     the DHIS2 version clients are told (a setting)
     * @param started     when the service started (DHIS2's build time)
     * @param contextPath the DHIS2 base URL, e.g. {@code http://localhost:8080/api/progress/dhis2}
     */
    public static SystemInfo of(String version, Instant started, Instant now, ZoneId zone, String contextPath) {
        return new SystemInfo(version, "mubiao", DHIS2_TIME.format(started.atZone(zone)),
                DHIS2_TIME.format(now.atZone(zone)), zone.getId(), contextPath, "iso8601", "yyyy-mm-dd", "目标 Mubiao");
    }
}
