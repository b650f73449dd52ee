package cn.mubiao.kit.events;

import java.time.Instant;

/**
 * A CloudEvent read from Kafka, with where it came from.
 *
 * @param requestId the HTTP request that caused it (CloudEvents extension {@code requestid}), or {@code null}
 */
public record InboundEvent(String id, String type, String source, String subject, Instant time, String data,
                           String topic, int partition, long offset, String requestId) {

    /** An event without a request id. */
    public InboundEvent(String id, String type, String source, String subject, Instant time, String data,
                        String topic, int partition, long offset) {
        this(id, type, source, subject, time, data, topic, partition, offset, null);
    }
}
