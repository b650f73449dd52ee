package cn.mubiao.progress.evidence.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest evidence file taken (default 10MB, the gateway's request limit)
 */
@ConfigurationProperties("mubiao.progress.evidence")
public record EvidenceProperties(@DefaultValue("10MB") DataSize maxSize) {
}
