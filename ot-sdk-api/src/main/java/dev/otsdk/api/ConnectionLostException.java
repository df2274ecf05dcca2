package dev.otsdk.api;

/**
 * The connection dropped while a request was in flight, or a request was made while the session was
 * reconnecting. For a write this means the outcome is unknown: the device may or may not have applied
 * it.
 */
public class ConnectionLostException extends ConnectionException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was lost and, for writes, that the outcome is unknown
     * @param cause the underlying failure, may be {@code null}
     */
    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
