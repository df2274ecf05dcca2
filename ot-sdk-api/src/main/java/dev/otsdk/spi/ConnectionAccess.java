package dev.otsdk.spi;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** What a protocol extension gets from its session: the live connection, with timeouts applied. */
public interface ConnectionAccess {

    /**
     * Runs an operation on the live connection with the session's request timeout, completing on the
     * callback threads.
     *
     * @param what a description for timeout messages
     * @param operation the operation, given the live connection
     * @param <R> the result type
     * @return the result, or a future failed with {@link dev.otsdk.api.ConnectionLostException} if not
     *     connected, {@link dev.otsdk.api.SessionClosedException} if closed, or the operation's failure
     */
    <R> CompletableFuture<R> call(String what, Function<DriverConnection, CompletableFuture<R>> operation);
}
