package dev.otsdk.internal;

import dev.otsdk.api.OtException;
import dev.otsdk.spi.Timeouts;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Small future helpers used across the runtime. */
public final class Futures {

    private Futures() {
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
                    out.completeExceptionally(Timeouts.unwrap(e));
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
            Throwable c = Timeouts.unwrap(e);
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
