package dev.otsdk.internal;

import dev.otsdk.api.OtTimeoutException;
import io.netty.util.Timer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The runtime's last line of defence against a driver call that never completes: such a call is failed
 * with an {@link OtTimeoutException} once it is {@code limit} old. Drivers enforce the request timeout
 * themselves; this only guarantees that nothing waits forever.
 *
 * <p>One sweep per session on the shared timer instead of a timer entry per call: every call of a
 * session has the same limit, so calls arrive in deadline order and a sweep only looks at the head of
 * the queue. Completed calls are dropped as the sweep reaches them.
 */
final class Backstop {

    private record Entry(CompletableFuture<?> future, long deadline, Supplier<String> what) {
    }

    private final Timer timer;
    private final Duration limit;
    private final long limitNanos;
    private final long sweepNanos;
    private final String uri;
    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    Backstop(Timer timer, Duration limit, String uri) {
        this.timer = timer;
        this.limit = limit;
        this.limitNanos = limit.toNanos();
        this.sweepNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(limitNanos / 4,
                TimeUnit.SECONDS.toNanos(1)));
        this.uri = uri;
    }

    /**
     * Watches a driver call; if it is still running after the limit, it is failed (drivers tolerate
     * their returned futures being completed this way).
     *
     * @param future the driver's future
     * @param what describes the call for the timeout message, evaluated only if it fires
     * @param <T> the result type
     * @return {@code future}
     */
    <T> CompletableFuture<T> guard(CompletableFuture<T> future, Supplier<String> what) {
        if (!future.isDone()) {
            entries.offer(new Entry(future, System.nanoTime() + limitNanos, what));
            if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
                schedule();
            }
        }
        return future;
    }

    private void schedule() {
        try {
            timer.newTimeout(t -> sweep(), sweepNanos, TimeUnit.NANOSECONDS);
        } catch (IllegalStateException stopped) {
            scheduled.set(false); // the client is closing; its sessions fail their calls
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        Entry e;
        while ((e = entries.peek()) != null) {
            if (!e.future().isDone() && now - e.deadline() < 0) {
                break;
            }
            entries.poll();
            if (!e.future().isDone()) {
                e.future().completeExceptionally(new OtTimeoutException(e.what().get() + " on " + uri
                        + " (driver backstop)", limit));
            }
        }
        scheduled.set(false);
        if (!entries.isEmpty() && scheduled.compareAndSet(false, true)) {
            schedule();
        }
    }
}
