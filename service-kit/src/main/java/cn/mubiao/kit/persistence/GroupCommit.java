package cn.mubiao.kit.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: the writes of callers that arrive together go to the database as one batch, and each caller returns
 * only once its own write is done. Whichever caller holds the lock writes what waits (at most {@code maxBatch},
 * oldest first); the others take the lock in turn and find theirs done — or, if it was not in that batch, write the
 * next one. Under load one round trip serves many callers; alone, a caller writes its own at once.
 *
 * @param <T> what is written
 * @param <R> what a caller learns of its write
 */
public final class GroupCommit<T, R> {

    /** Writes a batch; one outcome per item, in order. Throwing fails every item of the batch. */
    @FunctionalInterface
    public interface Writer<T, R> {
        List<Outcome<R>> write(List<T> batch);
    }

    /** An item's result, or the exception its caller gets. */
    public record Outcome<R>(R result, RuntimeException failure) {
        public static <R> Outcome<R> of(R result) {
            return new Outcome<>(result, null);
        }

        public static <R> Outcome<R> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }
    }

    /** A batch size that suits MongoDB's bulk writes here: well below its limits, far above the concurrency. */
    public static final int MAX_BATCH = 256;

    private static final class Pending<T, R> {
        final T item;
        Outcome<R> outcome; // set by the lock's holder

        Pending(T item) {
            this.item = item;
        }
    }

    private final int maxBatch;
    private final Writer<T, R> writer;
    private final Queue<Pending<T, R>> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    public GroupCommit(int maxBatch, Writer<T, R> writer) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
        }
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Writes the item with whatever else waits; returns its result once written, or throws its failure. */
    public R write(T item) {
        Pending<T, R> mine = new Pending<>(item);
        waiting.add(mine);
        writing.lock();
        try {
            while (mine.outcome == null) {
                writeWaiting();
            }
        } finally {
            writing.unlock();
        }
        if (mine.outcome.failure() != null) {
            throw mine.outcome.failure();
        }
        return mine.outcome.result();
    }

    /** How many items wait to be written. */
    public int waiting() {
        return waiting.size();
    }

    private void writeWaiting() {
        List<Pending<T, R>> batch = new ArrayList<>();
        for (Pending<T, R> p; batch.size() < maxBatch && (p = waiting.poll()) != null; ) {
            batch.add(p);
        }
        List<Outcome<R>> outcomes;
        try {
            outcomes = writer.write(batch.stream().map(p -> p.item).toList());
            if (outcomes.size() != batch.size()) {
                throw new IllegalStateException("the writer answered " + outcomes.size() + " outcomes for "
                        + batch.size() + " items");
            }
        } catch (RuntimeException e) {
            outcomes = batch.stream().<Outcome<R>>map(p -> Outcome.failed(e)).toList();
        }
        for (int i = 0; i < batch.size(); i++) {
            Outcome<R> outcome = outcomes.get(i);
            batch.get(i).outcome = outcome != null ? outcome
                    : Outcome.failed(new IllegalStateException("the writer answered no outcome for item " + i));
        }
    }
}
