package cn.mubiao.kit.events;

import org.springframework.context.SmartLifecycle;

import java.util.List;

/**
 * A service's event consumers ({@code mubiao.events.consumers}, one by default): started and stopped together, each
 * on its own thread with its own Kafka consumer in the service's group, so the group's partitions are shared among
 * them as among as many instances.
 */
public final class EventConsumers implements SmartLifecycle {

    private final List<EventConsumer> consumers;

    public EventConsumers(List<EventConsumer> consumers) {
        this.consumers = List.copyOf(consumers);
    }

    @Override
    public void start() {
        consumers.forEach(EventConsumer::start);
    }

    @Override
    public void stop() {
        consumers.parallelStream().forEach(EventConsumer::stop);
    }

    @Override
    public boolean isRunning() {
        return consumers.stream().anyMatch(EventConsumer::isRunning);
    }
}
