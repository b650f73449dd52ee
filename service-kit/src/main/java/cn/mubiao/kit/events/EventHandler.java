package cn.mubiao.kit.events;

import java.util.function.BiConsumer;

/**
 * Handles one event type. Must be idempotent in effect: the consumer skips event ids it has processed, but
 * a crash between the effect and that record replays the event once more.
 */
public interface EventHandler<T> {

    /** The CloudEvents type handled, e.g. {@code ProgressReported.TYPE}. */
    String type();

    Class<T> payloadType();

    void handle(T payload, InboundEvent event);

    /** A handler from a lambda. */
    static <T> EventHandler<T> of(String type, Class<T> payloadType, BiConsumer<T, InboundEvent> body) {
        return new EventHandler<>() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<T> payloadType() {
                return payloadType;
            }

            @Override
            public void handle(T payload, InboundEvent event) {
                body.accept(payload, event);
            }
        };
    }
}
