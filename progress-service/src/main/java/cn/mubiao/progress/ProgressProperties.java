package cn.mubiao.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * @param dueDay days after a period's end by which its report is due (default the 5th of the next month)
 * @param zone   the calendar the deadlines are in
 */
@ConfigurationProperties("mubiao.progress")
public record ProgressProperties(@DefaultValue("5") int dueDay, @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
