package cn.mubiao.progress.calendar.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Runs {@link SendReportNotices} shortly after start and then every {@code scan-interval}, one run at a time. */
@Component
class NoticeScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeScheduler.class);

    private final SendReportNotices send;
    private final CalendarProperties settings;
    private volatile ScheduledExecutorService executor;

    NoticeScheduler(SendReportNotices send, CalendarProperties settings) {
        this.send = send;
        this.settings = settings;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("report-notices").daemon(true).factory());
        executor.scheduleWithFixedDelay(this::scan, settings.firstScanAfter().toMillis(), settings.scanInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void scan() {
        try {
            int sent = send.runOnce();
            if (sent > 0) {
                log.info("sent {} report notices", sent);
            }
        } catch (RuntimeException e) {
            // a failed run leaves nothing half-sent (each notice is one insert); the next run retries
            log.warn("report notice scan failed, retrying in {}: {}", settings.scanInterval(), e.toString());
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
