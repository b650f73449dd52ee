package cn.mubiao.kit.events;

import cn.mubiao.contracts.MubiaoEvent;
import cn.mubiao.kit.requestid.RequestIds;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Turns events recorded by an aggregate into outbox entries for the aggregate's document, and wakes the
 * relay after the document is written. Each entry carries the request id of the work in progress
 * ({@link RequestIds#current()}): the HTTP request, or the event a consumer is handling, so a chain of events
 * keeps the id of the request that started it.
 */
public final class Outbox {

    private final String topic;
    private final JsonMapper json;
    private final Clock clock;
    private final OutboxRelay relay;

    public Outbox(String topic, JsonMapper json, Clock clock, OutboxRelay relay) {
        this.topic = topic;
        this.json = json;
        this.clock = clock;
        this.relay = relay;
    }

    public OutboxEntry entry(MubiaoEvent event) {
        return new OutboxEntry(UUID.randomUUID().toString(), topic, event.eventType(), event.aggregateId(),
                clock.instant(), json.writeValueAsString(event), RequestIds.current());
    }

    public List<OutboxEntry> entries(List<? extends MubiaoEvent> events) {
        return events.stream().map(this::entry).toList();
    }

    /** Call after the document carrying new entries was written: the relay sweeps without waiting a tick. */
    public void written() {
        relay.nudge();
    }

    /**
     * Call after the document {@code id} of {@code collection} was written carrying {@code entries}: the relay
     * publishes them straight away without scanning for them.
     */
    public void written(String collection, Object id, List<OutboxEntry> entries) {
        relay.written(collection, id, entries);
    }
}
