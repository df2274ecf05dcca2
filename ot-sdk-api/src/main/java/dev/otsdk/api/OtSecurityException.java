package dev.otsdk.api;

/**
 * A security failure: the peer's certificate was rejected, credentials were wrong, or the device
 * denied the operation to this identity's role. Retrying does not help; the message says what to
 * change.
 */
public class OtSecurityException extends OtException {

    private static final long serialVersionUID = 1L;

    /** What kind of security failure this is. */
    public enum Reason {
        /** The server's certificate is not trusted (unknown, expired, wrong host, revoked). */
        CERTIFICATE_REJECTED,
        /** The server rejected the client's certificate. */
        CLIENT_CERTIFICATE_REJECTED,
        /** User name/password or user certificate were refused. */
        BAD_CREDENTIALS,
        /** The identity is known but its role may not do this. */
        ACCESS_DENIED,
        /** No security configuration both sides support (policy, mode, TLS version). */
        NEGOTIATION_FAILED
    }

    /** The kind of failure. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason the kind of failure
     * @param message what failed and how to fix it
     * @param cause the underlying failure, may be {@code null}
     */
    public OtSecurityException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return the kind of failure */
    public Reason reason() {
        return reason;
    }
}
