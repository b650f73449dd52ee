package cn.mubiao.kit.audit;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import java.time.Clock;

/**
 * The audit log of a servlet service: every write recorded in its {@code audit_log} collection, readable at
 * {@code mubiao.audit.path}. The filter runs right after the request id filter and before Spring Security, so
 * refused writes are recorded with their status.
 */
@AutoConfiguration(afterName = "cn.mubiao.kit.events.EventsConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(AuditController.class)
class AuditConfiguration {

    @Bean
    AuditLog auditLog(MongoDatabase db) {
        return new AuditLog(db);
    }

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditLog auditLog, Clock clock) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(auditLog, clock));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
