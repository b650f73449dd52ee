package cn.mubiao.progress.calendar.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /**
     * Which assignments are owed reminders: every one the read model holds, as long as it records no
     * withdrawal. Change it here (e.g. {@code a -> !a.withdrawn()}) and the scan follows.
     */
    @Bean
    ActiveAssignments activeAssignments() {
        return assignment -> true;
    }
}
