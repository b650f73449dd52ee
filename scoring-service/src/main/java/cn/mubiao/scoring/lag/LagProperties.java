package cn.mubiao.scoring.lag;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/** @param thresholdPoints a gap of this many percentage points or more is SERIOUSLY_LAGGING (red) */
@ConfigurationProperties("mubiao.lag")
public record LagProperties(@DefaultValue("10") BigDecimal thresholdPoints) {
}
