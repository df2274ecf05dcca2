package dev.otsdk.internal;

import dev.otsdk.api.OtException;
import dev.otsdk.api.OtTimeoutException;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** Small future helpers used across the runtime. */
public final class Futures {

    private Futures() {
    }

    /**
     * Fails {@code future}'s copy with a timeout unless it completes within {@code timeout}.
     *
     * @param future the operation
     * @param timer the shared timer
     * @param timeout the limit
     * @param what description for the timeout message
     * @param <T> the result type
     * @return a future completing like {@code future} or failing with {@link OtTimeoutException}
     */
    public static <T> CompletableFuture<T> within(CompletableFuture<T> future, Timer timer, Duration timeout,
            String what) {
        if (future.isDone()) {
            return future;
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        Timeout t;
        try {
            t = timer.newTimeout(x -> out.completeExceptionally(new OtTimeoutException(what, timeout)),
                    Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (IllegalStateException stopped) {
            return future; // the timer is stopped because the client is closing
        }
        future.whenComplete((v, e) -> {
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
     * A future completing like {@code source}, but on {@code executor}, so user continuations never run on
     * I/O or timer threads.
     *
     * @param source the internal future
     * @param executor the callback executor
     * @param <T> the result type
     * @return the user-facing future
     */
    public static <T> CompletableFuture<T> completeOn(CompletableFuture<T> source, Executor executor) {
        CompletableFuture<T> out = new CompletableFuture<>();
        source.whenComplete((v, e) -> {
            Runnable r = () -> {
                if (e == null) {
                    out.complete(v);
                } else {
                    out.completeExceptionally(unwrap(e));
                }
            };
            try {
                executor.execute(r);
            } catch (RejectedExecutionException closing) {
                r.run();
            }
        });
        return out;
    }

    /**
     * @param t a throwable from a future
     * @return the cause inside {@link CompletionException}/{@link ExecutionException} wrappers
     */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /**
     * Waits for a future and rethrows its failure as the SDK's unchecked exception.
     *
     * @param future the future
     * @param <T> the result type
     * @return the result
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OtException("interrupted while waiting", e);
        } catch (ExecutionException e) {
            Throwable c = unwrap(e);
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new OtException(c.getMessage() == null ? c.toString() : c.getMessage(), c);
        }
    }
}
