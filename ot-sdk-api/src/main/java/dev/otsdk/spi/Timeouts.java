package dev.otsdk.spi;

import dev.otsdk.api.OtTimeoutException;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Bounding an operation by a timeout on the shared timer, for the runtime and for drivers whose
 * underlying client has no timeout of its own for some call (connects, discovery, browsing).
 */
public final class Timeouts {

    private Timeouts() {
    }

    /**
     * A future completing like {@code stage}, or failing with an {@link OtTimeoutException} if
     * {@code stage} has not completed within {@code timeout}. Failures come unwrapped (see
     * {@link #unwrap(Throwable)}).
     *
     * @param stage the operation
     * @param timer the shared timer ({@link IoRuntime#timer()})
     * @param timeout the limit
     * @param what the operation for the message, e.g. {@code "connect to opc.tcp://plc:4840"}
     * @param <T> the result type
     * @return the bounded future; {@code stage} itself if it is already complete or the timer is stopped
     */
    public static <T> CompletableFuture<T> within(CompletionStage<T> stage, Timer timer, Duration timeout,
            String what) {
        CompletableFuture<T> source = stage.toCompletableFuture();
        if (source.isDone()) {
            return source;
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        Timeout t;
        try {
            t = timer.newTimeout(x -> out.completeExceptionally(new OtTimeoutException(what, timeout)),
                    Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (IllegalStateException stopped) {
            return source; // the client is closing
        }
        source.whenComplete((v, e) -> {
            t.cancel();
            if (e == null) {
                out.complete(v);
            } else {
                out.completeExceptionally(unwrap(e));
            }
        });
        return out;
    }

    /**
     * The failure inside the wrappers futures add.
     *
     * @param t a throwable from a future
     * @return the cause inside any {@link CompletionException}/{@link ExecutionException} wrappers
     */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}
