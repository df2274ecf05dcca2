package dev.otsdk.spi;

/**
 * How a {@link DriverConnection} tells the runtime about its health. Drivers call it from any thread;
 * the runtime does not block.
 */
public interface ConnectionListener {

    /**
     * The connection is gone for good (peer closed, I/O error, keep-alive failed). The runtime fails
     * requests, marks the session RECONNECTING and connects anew with back-off.
     *
     * @param cause why, or {@code null} if it was closed on request
     */
    void closed(Throwable cause);

    /**
     * The connection is down but the driver is recovering it itself (e.g. Milo re-activating an OPC UA
     * session). The session becomes RECONNECTING and requests fail fast until {@link #resumed()}.
     *
     * @param cause why
     */
    void interrupted(Throwable cause);

    /** The driver recovered the connection after {@link #interrupted(Throwable)}. */
    void resumed();
}
