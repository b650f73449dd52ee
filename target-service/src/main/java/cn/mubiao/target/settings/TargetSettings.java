package cn.mubiao.target.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;

/**
 * Settings of the target system.
 *
 * @param adjustmentDeadline the last day of the plan year a unit may ask for an adjustment, unless the plan sets
 *                           its own (seed 003: before 1 July)
 * @param zone               the time zone "today" is reckoned in
 */
@ConfigurationProperties("mubiao.target")
public record TargetSettings(@DefaultValue("--07-01") MonthDay adjustmentDeadline,
                             @DefaultValue("Asia/Shanghai") ZoneId zone) {

    public LocalDate adjustmentDeadlineIn(int year) {
        return adjustmentDeadline.atYear(year);
    }
}
