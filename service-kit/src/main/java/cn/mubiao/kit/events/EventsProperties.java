package cn.mubiao.kit.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Kafka and outbox settings of a service ({@code mubiao.events.*}).
 *
 * @param bootstrapServers   Kafka brokers
 * @param source             CloudEvents {@code ce_source} of what this service publishes
 * @param topic              the topic this service publishes to (empty: publishes nothing)
 * @param outboxCollections  collections whose documents carry an {@code outbox} array
 * @param subscribe          topics this service consumes
 * @param groupId            consumer group (default: the application name)
 * @param relayInterval      how long the relay waits for work when nothing wakes it
 * @param relaySweepInterval how often the relay scans the outbox collections for entries it was not told about
 *                           (a crash between a write and its publication; writes that only nudge)
 * @param relayLinger        how long the relay waits for more written events before a round when fewer than a
 *                           batch are queued (more events per Kafka request and per bulk removal under load; at
 *                           most this much later on their way out); 0 sends each round at once
 * @param maxAttempts        attempts at a failing record before it goes to the dead-letter topic
 * @param consumers          consumer threads in this instance, each its own Kafka consumer in the group with its
 *                           share of the partitions, as that many instances would have (events of one key stay in
 *                           order on one partition); more than one where a handler mostly waits for MongoDB
 */
@ConfigurationProperties("mubiao.events")
public record EventsProperties(
        @DefaultValue("localhost:9092") String bootstrapServers,
        String source,
        @DefaultValue("") String topic,
        @DefaultValue("") List<String> outboxCollections,
        @DefaultValue("") List<String> subscribe,
        String groupId,
        @DefaultValue("500ms") Duration relayInterval,
        @DefaultValue("30s") Duration relaySweepInterval,
        @DefaultValue("10ms") Duration relayLinger,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1") int consumers) {

    public EventsProperties {
        if (consumers < 1) {
            throw new IllegalArgumentException("mubiao.events.consumers must be at least 1, not " + consumers);
        }
        if (relayLinger.isNegative()) {
            throw new IllegalArgumentException("mubiao.events.relay-linger must not be negative, not " + relayLinger);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mubiao.events.max-attempts must be at least 1, not " + maxAttempts);
        }
    }
}
