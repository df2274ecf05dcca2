package dev.otsdk.api;

/**
 * A connection URI, an option or a setting that is invalid: unknown scheme, unknown or malformed
 * query option, conflicting settings, missing key material.
 */
public class ConfigurationException extends OtException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what would be accepted
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong and what would be accepted
     * @param cause the underlying failure
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
