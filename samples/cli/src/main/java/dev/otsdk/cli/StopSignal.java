package dev.otsdk.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command wait for its duration or for Ctrl-C, whichever comes first, and still
 * clean up on Ctrl-C: the shutdown hook wakes the command, then holds the JVM until the command has
 * closed its sessions (bounded), so subscriptions end and sockets close in order.
 */
final class StopSignal implements AutoCloseable {

    private static final Duration CLEAN_UP_LIMIT = Duration.ofSeconds(10);

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onInterrupt, "otsdk-shutdown");

    private StopSignal() {
    }

    /** @return a signal that Ctrl-C (or any JVM shutdown) triggers until it is closed */
    static StopSignal onShutdown() {
        StopSignal s = new StopSignal();
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    /**
     * Waits for {@link #stop()} or Ctrl-C.
     *
     * @param limit how long to wait at most, {@code null} for no limit
     * @return {@code true} if stopped, {@code false} if the limit passed first
     */
    boolean await(Duration limit) {
        try {
            if (limit == null) {
                stop.await();
                return true;
            }
            return stop.await(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Ends the wait early, e.g. when a subscription failed. */
    void stop() {
        stop.countDown();
    }

    /** @return whether {@link #stop()} was called or Ctrl-C pressed */
    boolean isStopped() {
        return stop.getCount() == 0;
    }

    /** The command has cleaned up: release a pending shutdown, or unregister the hook. */
    @Override
    public void close() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and returns now that cleanedUp is released
        }
    }

    private void onInterrupt() {
        stop.countDown();
        try {
            cleanedUp.await(CLEAN_UP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
