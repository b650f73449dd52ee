package cn.mubiao.kit.health;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * MongoDB health by {@code ping}. Boot's own indicator sends {@code hello}, which the embedded
 * MongoDB-protocol server (mongo-java-server) does not know, so services would never report UP there;
 * {@code ping} is answered by both it and a real MongoDB.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
        afterName = "cn.mubiao.kit.events.EventsConfiguration")
public class MongoPingHealth {

    @Bean
    HealthIndicator mongoHealthIndicator(MongoDatabase db) {
        return () -> {
            try {
                db.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", db.getName()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
