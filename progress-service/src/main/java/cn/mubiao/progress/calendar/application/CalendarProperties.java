package cn.mubiao.progress.calendar.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Reminder settings ({@code mubiao.progress.calendar.*}); the deadline itself is {@code mubiao.progress.due-day}.
 *
 * @param remindDaysBefore   days before the deadline from which {@code ReportDue} is sent
 * @param overdueCatchUpDays days after the deadline during which a missed {@code ReportOverdue} is still sent
 * @param scanInterval       pause between two scans of the assignments
 * @param firstScanAfter     delay of the first scan after start
 * @param scanBatch          assignments read per query during a scan
 */
@ConfigurationProperties("mubiao.progress.calendar")
record CalendarProperties(@DefaultValue("3") int remindDaysBefore,
                          @DefaultValue("30") int overdueCatchUpDays,
                          @DefaultValue("10m") Duration scanInterval,
                          @DefaultValue("30s") Duration firstScanAfter,
                          @DefaultValue("500") int scanBatch) {

    CalendarProperties {
        if (scanInterval.isNegative() || scanInterval.isZero() || firstScanAfter.isNegative() || scanBatch < 1) {
            throw new IllegalArgumentException("scan-interval must be positive, first-scan-after not negative and scan-batch >= 1");
        }
    }
}
