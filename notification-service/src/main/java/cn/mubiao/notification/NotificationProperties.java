package cn.mubiao.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param keycloak    where recipients are looked up (service account with view-users / query-users)
 * @param smpp        the SMS gateway
 * @param mailFrom    sender address of warning emails
 * @param consoleUrl  link to the console put in messages
 * @param warnRoles   realm roles of a unit's users who receive its warnings
 */
@ConfigurationProperties("mubiao.notification")
public record NotificationProperties(Keycloak keycloak, Smpp smpp,
                                     @DefaultValue("mubiao-noreply@demo.mubiao.local") String mailFrom,
                                     @DefaultValue("http://localhost:8080") String consoleUrl,
                                     @DefaultValue({"leader", "reporter"}) List<String> warnRoles) {

    public record Keycloak(@DefaultValue("http://localhost:8180") String serverUrl,
                           @DefaultValue("mubiao") String realm,
                           @DefaultValue("notification-service") String clientId,
                           @DefaultValue("notification-secret") String clientSecret,
                           @DefaultValue("5m") Duration cacheTtl) {
    }

    public record Smpp(@DefaultValue("localhost") String host, @DefaultValue("2775") int port,
                       @DefaultValue("mubiao") String systemId, @DefaultValue("mubiao") String password,
                       @DefaultValue("12345") String sourceAddress, @DefaultValue("10s") Duration timeout) {
    }
}
