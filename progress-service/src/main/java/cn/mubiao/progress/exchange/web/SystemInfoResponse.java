package cn.mubiao.progress.exchange.web;

/**
 * The part of DHIS2's {@code /api/system/info} that Web API clients read to learn the server's version, time zone
 * and base URL.
 */
record SystemInfoResponse(String version, String revision, String buildTime, String serverDate, String serverTimeZoneId,
                          String contextPath, String calendar, String dateFormat, String systemName) {
}
