package cn.mubiao.devstack;

import java.time.Duration;
import java.util.List;

/**
 * Messages captured by one of the devstack's fake delivery channels (SMTP or SMPP), oldest first.
 *
 * @param <T> {@link ReceivedMail} or {@link ReceivedSms}
 */
public interface Inbox<T> {

    /** A snapshot of everything received so far, in arrival order. */
    List<T> messages();

    /** Forgets everything received so far. */
    void clear();

    /**
     * Waits until at least {@code count} messages have arrived and returns them (all of them, oldest first).
     *
     * @throws IllegalStateException if fewer arrived within {@code timeout}; the message lists what did arrive
     */
    default List<T> awaitCount(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<T> current = messages();
            if (current.size() >= count) {
                return current;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("expected at least " + count + " message(s) within " + timeout
                        + " but got " + current.size() + ": " + current);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + count + " message(s)", e);
            }
        }
    }
}
