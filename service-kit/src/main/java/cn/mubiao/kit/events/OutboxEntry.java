package cn.mubiao.kit.events;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;

/**
 * An event not yet published, carried inside its aggregate's document (field {@code outbox}) so that the
 * state change and its events are ONE document write.
 *
 * @param id      CloudEvents {@code ce_id}; consumers deduplicate on it
 * @param type    logical, versioned type, e.g. {@code mubiao.progress.ProgressReported.v1}
 * @param subject the aggregate id: the Kafka key and {@code ce_subject}
 * @param data    the JSON body
 */
public record OutboxEntry(String id, String topic, String type, String subject, Instant time, String data) {

    public static final String FIELD = "outbox";

    public Document toDocument() {
        return new Document("id", id).append("topic", topic).append("type", type).append("subject", subject)
                .append("time", Date.from(time)).append("data", data);
    }

    public static OutboxEntry fromDocument(Document d) {
        return new OutboxEntry(d.getString("id"), d.getString("topic"), d.getString("type"), d.getString("subject"),
                d.getDate("time").toInstant(), d.getString("data"));
    }
}
