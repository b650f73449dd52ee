package cn.mubiao.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event body. {@link #eventType()} is the logical, versioned CloudEvents {@code ce_type}
 * ({@code mubiao.<service>.<Name>.v<N>}), never a Java class name; {@link #aggregateId()} is the Kafka key
 * and the CloudEvents {@code ce_subject}, so one aggregate's events stay in order.
 */
public interface MubiaoEvent {
    @JsonIgnore
    String eventType();

    @JsonIgnore
    String aggregateId();
}
