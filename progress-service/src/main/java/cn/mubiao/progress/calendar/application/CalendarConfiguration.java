package cn.mubiao.progress.calendar.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    /**
     * Which assignments are owed reminders: every one the read model holds that was not withdrawn.
     */
    @Bean
    ActiveAssignments activeAssignments() {
        return assignment -> !assignment.withdrawn();
    }
}
