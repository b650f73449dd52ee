package cn.mubiao.kit.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Work a service repeats on its own thread while it runs (a scan for notices owed, a sweep of due deliveries):
 * once after {@code firstRunAfter}, then {@code interval} after each run ends. A failed run is logged and the
 * next one tries again; the work itself must leave nothing half-done.
 */
public abstract class RepeatingTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepeatingTask.class);

    private final String name;
    private final Duration firstRunAfter;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    protected RepeatingTask(String name, Duration firstRunAfter, Duration interval) {
        this.name = name;
        this.firstRunAfter = firstRunAfter;
        this.interval = interval;
    }

    /** @return how many things the run did (logged when more than none) */
    protected abstract int runOnce();

    private void run() {
        try {
            int done = runOnce();
            if (done > 0) {
                log.info("{}: {} done", name, done);
            }
        } catch (RuntimeException e) {
            log.warn("{} failed, again in {}: {}", name, interval, e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon(true).factory());
        executor.scheduleWithFixedDelay(this::run, firstRunAfter.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
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
