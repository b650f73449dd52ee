package cn.mubiao.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;
import java.util.List;

/**
 * @param dueDay            days after a period's end by which its report is due (default the 5th of the next month)
 * @param zone              the calendar the deadlines are in
 * @param statisticsBureaus the units that are statistics bureaus (统计局): their values outrank every other source
 *                          for the assignments of their region (seed 003, 第十五条)
 */
@ConfigurationProperties("mubiao.progress")
public record ProgressProperties(@DefaultValue("5") int dueDay, @DefaultValue("Asia/Shanghai") ZoneId zone,
                                 List<String> statisticsBureaus) {

    public ProgressProperties {
        statisticsBureaus = statisticsBureaus == null ? List.of() : List.copyOf(statisticsBureaus);
    }

    public boolean isStatisticsBureau(String unitCode) {
        return statisticsBureaus.contains(unitCode);
    }
}
