package cn.mubiao.notification.warning.application;

import cn.mubiao.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that attempt new deliveries, so the event consumer goes on to the next event while mail and SMS wait on
 * the network. Nothing is lost by handing over: a delivery is stored before it is handed here, and one that finds
 * every worker busy and the queue full, or whose worker dies with the process, is due and taken up by the sweep. Two
 * workers never send the same delivery: each attempt leases it first.
 */
@Component
class AttemptWorkers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AttemptWorkers.class);
    private static final int QUEUE = 10_000;

    private final ThreadPoolExecutor pool;

    AttemptWorkers(NotificationProperties settings) {
        int workers = settings.delivery().workers();
        this.pool = workers <= 0 ? null : new ThreadPoolExecutor(workers, workers, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), Thread.ofPlatform().daemon().name("delivery-worker-", 1).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs the attempt on a worker (here, without workers); false when all are busy and the queue is full: the caller
     * leaves it to the sweep.
     */
    boolean submit(Runnable attempt) {
        if (pool == null) {
            attempt.run();
            return true;
        }
        try {
            pool.execute(() -> {
                try {
                    attempt.run();
                } catch (RuntimeException e) {
                    log.warn("a delivery attempt failed before it was recorded; the sweep takes it up after its lease: {}",
                            e.toString());
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            log.debug("delivery workers busy; the sweep takes the attempt up");
            return false;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        if (pool != null) {
            pool.shutdown();
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }
}
