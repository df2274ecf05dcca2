package dev.otsdk.opcua.internal;

import dev.otsdk.api.OtTimeoutException;
import io.netty.util.Timeout;
import io.netty.util.Timer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Bounds Milo calls by the session's timeouts on the shared timer, so nothing waits forever. */
final class Timeouts {

    private Timeouts() {
    }

    /**
     * @param stage the operation
     * @param timer the shared timer
     * @param timeout the limit
     * @param what the operation, for the message
     * @param <T> the result type
     * @return a future failing with {@link OtTimeoutException} after {@code timeout}
     */
    static <T> CompletableFuture<T> within(CompletionStage<T> stage, Timer timer, Duration timeout, String what) {
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
            return source;
        }
        source.whenComplete((v, e) -> {
            t.cancel();
            if (e == null) {
                out.complete(v);
            } else {
                out.completeExceptionally(Failures.unwrap(e));
            }
        });
        return out;
    }
}
