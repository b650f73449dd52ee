package cn.mubiao.kit.events;

import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Outbox relay, idempotent consumer and their Kafka clients for a service. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@EnableConfigurationProperties(EventsProperties.class)
public class EventsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> eventProducer(EventsProperties props, @Value("${spring.application.name}") String app) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, app + "-producer",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    MongoDatabase serviceDatabase(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean
    OutboxRelay outboxRelay(MongoDatabase db, Producer<String, byte[]> producer, EventsProperties props,
                            @Value("${spring.application.name}") String app) {
        return new OutboxRelay(db, props.outboxCollections().stream().filter(s -> !s.isBlank()).toList(), producer,
                props.source() != null ? props.source() : "/mubiao/" + app, props.relayInterval(),
                props.relaySweepInterval(), props.relayLinger());
    }

    @Bean
    Outbox outbox(EventsProperties props, JsonMapper json, Clock clock, OutboxRelay relay) {
        return new Outbox(props.topic(), json, clock, relay);
    }

    @Bean
    ProcessedEvents processedEvents(MongoDatabase db, Clock clock) {
        return new ProcessedEvents(db, clock);
    }

    @Bean
    @ConditionalOnExpression("'${mubiao.events.subscribe:}' != ''")
    EventConsumers eventConsumers(EventsProperties props, @Value("${spring.application.name}") String app,
                                  Producer<String, byte[]> producer, List<EventHandler<?>> handlers,
                                  ProcessedEvents processed, JsonMapper json) {
        JsonMapper lenient = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        List<String> topics = props.subscribe().stream().filter(s -> !s.isBlank()).toList();
        int count = props.consumers();
        List<EventConsumer> consumers = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String name = count == 1 ? "" : "-" + i;
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, props.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, props.groupId() != null ? props.groupId() : app,
                    ConsumerConfig.CLIENT_ID_CONFIG, app + "-consumer" + name,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200),
                    new StringDeserializer(), new ByteArrayDeserializer());
            consumers.add(new EventConsumer(consumer, producer, topics, handlers, processed, lenient,
                    props.maxAttempts(), "event-consumer" + name));
        }
        return new EventConsumers(consumers);
    }
}
