package cn.mubiao.scoring.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the year-end assessment ({@code mubiao.assessment.*}).
 *
 * @param appealPeriod how long after publication a unit may appeal (复议, 第二十条); default 15 days
 */
@ConfigurationProperties("mubiao.assessment")
public record AssessmentProperties(@DefaultValue("15d") Duration appealPeriod) {
}
