package dev.otsdk.api;

/** The session (or its client) was closed, or gave up reconnecting; it cannot be used any more. */
public class SessionClosedException extends OtException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which session and why it is closed
     * @param cause why the session closed, may be {@code null} for a normal close
     */
    public SessionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
