package dev.otsdk.api;

/** A connection could not be established (refused, unreachable host, handshake failure). */
public class ConnectionException extends OtException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be reached and why
     * @param cause the underlying failure, may be {@code null}
     */
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
