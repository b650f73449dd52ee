package cn.mubiao.kit.events;

import java.time.Instant;

/** A CloudEvent read from Kafka, with where it came from. */
public record InboundEvent(String id, String type, String source, String subject, Instant time, String data,
                           String topic, int partition, long offset) {
}
