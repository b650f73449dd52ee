package cn.mubiao.kit.events;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * An event not yet published, carried inside its aggregate's document (field {@code outbox}) so that the
 * state change and its events are ONE document write.
 *
 * @param id        CloudEvents {@code ce_id}; consumers deduplicate on it
 * @param type      logical, versioned type, e.g. {@code mubiao.progress.ProgressReported.v1}
 * @param subject   the aggregate id: the Kafka key and {@code ce_subject}
 * @param data      the JSON body
 * @param requestId the HTTP request that caused the event (CloudEvents extension {@code requestid}), or
 *                  {@code null}; documents written before it existed load with {@code null}
 */
public record OutboxEntry(String id, String topic, String type, String subject, Instant time, String data,
                          String requestId) {

    public static final String FIELD = "outbox";

    /** An entry without a request id (events not caused by an HTTP request). */
    public OutboxEntry(String id, String topic, String type, String subject, Instant time, String data) {
        this(id, topic, type, subject, time, data, null);
    }

    public Document toDocument() {
        Document d = new Document("id", id).append("topic", topic).append("type", type).append("subject", subject)
                .append("time", Date.from(time)).append("data", data);
        if (requestId != null) {
            d.append("requestId", requestId);
        }
        return d;
    }

    public static OutboxEntry fromDocument(Document d) {
        return new OutboxEntry(d.getString("id"), d.getString("topic"), d.getString("type"), d.getString("subject"),
                d.getDate("time").toInstant(), d.getString("data"), d.getString("requestId"));
    }
}
