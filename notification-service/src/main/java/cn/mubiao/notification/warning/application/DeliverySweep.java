package cn.mubiao.notification.warning.application;

import cn.mubiao.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Takes up, every {@code sweep-interval}, the deliveries whose next attempt is due: retries and held SMS. */
@Component
class DeliverySweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliverySweep.class);

    private final DeliverNotices deliver;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    DeliverySweep(DeliverNotices deliver, NotificationProperties settings) {
        this.deliver = deliver;
        this.interval = settings.delivery().sweepInterval();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("delivery-sweep").daemon(true).factory());
        executor.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            int n = deliver.attemptDue();
            if (n > 0) {
                log.info("attempted {} due deliveries", n);
            }
        } catch (RuntimeException e) {
            log.warn("delivery sweep failed, again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
