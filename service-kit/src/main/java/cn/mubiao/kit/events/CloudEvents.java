package cn.mubiao.kit.events;

import cn.mubiao.kit.requestid.RequestIds;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: attributes in {@code ce_*} headers, JSON body.
 * One extension attribute: {@code requestid} ({@value #REQUEST_ID}), the HTTP request that caused the event;
 * optional, and dropped on reading when it is not a well-formed request id.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    /** Extension attribute names are lowercase letters and digits (CloudEvents 1.0, "Attribute Naming Convention"). */
    public static final String REQUEST_ID = "ce_requestid";

    private CloudEvents() {
    }

    public static ProducerRecord<String, byte[]> toRecord(OutboxEntry e, String source) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(e.topic(), e.subject(), e.data().getBytes(StandardCharsets.UTF_8));
        Headers h = r.headers();
        h.add(SPEC_VERSION, bytes("1.0"));
        h.add(ID, bytes(e.id()));
        h.add(TYPE, bytes(e.type()));
        h.add(SOURCE, bytes(source));
        h.add(SUBJECT, bytes(e.subject()));
        h.add(TIME, bytes(e.time().toString()));
        h.add(CONTENT_TYPE, bytes("application/json"));
        if (e.requestId() != null) {
            h.add(REQUEST_ID, bytes(e.requestId()));
        }
        return r;
    }

    /**
     * Reads a record's CloudEvents attributes.
     *
     * @throws MalformedEventException when a required attribute is missing or the body is empty
     */
    public static InboundEvent fromRecord(ConsumerRecord<String, byte[]> r) {
        String id = header(r.headers(), ID);
        String type = header(r.headers(), TYPE);
        String source = header(r.headers(), SOURCE);
        if (id == null || type == null || source == null || r.value() == null || r.value().length == 0) {
            throw new MalformedEventException("record " + r.topic() + "/" + r.partition() + "@" + r.offset()
                    + " lacks ce_id, ce_type, ce_source or a body");
        }
        Instant time = null;
        String t = header(r.headers(), TIME);
        if (t != null) {
            try {
                time = Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw new MalformedEventException("ce_time is not RFC 3339: " + t);
            }
        }
        String requestId = header(r.headers(), REQUEST_ID);
        return new InboundEvent(id, type, source, header(r.headers(), SUBJECT), time,
                new String(r.value(), StandardCharsets.UTF_8), r.topic(), r.partition(), r.offset(),
                RequestIds.isWellFormed(requestId) ? requestId : null);
    }

    public static String header(Headers headers, String key) {
        Header h = headers.lastHeader(key);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
