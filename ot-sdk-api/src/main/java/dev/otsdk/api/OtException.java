package dev.otsdk.api;

/**
 * Base of every exception the SDK throws. All are unchecked and specific: catch the subclass you can
 * act on (a {@link TagAddressException} is a programming error, a {@link ConnectionLostException} is
 * worth a retry, a {@link OtSecurityException} needs an operator).
 */
public class OtException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong, specific enough to act on
     */
    public OtException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what went wrong, specific enough to act on
     * @param cause the underlying failure, may be {@code null}
     */
    public OtException(String message, Throwable cause) {
        super(message, cause);
    }
}
