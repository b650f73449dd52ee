package cn.mubiao.progress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** progress-service: reporting periods, reports, verification and evidence. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ProgressApplication {
    public static void main(String[] args) {
        SpringApplication.run(ProgressApplication.class, args);
    }
}
