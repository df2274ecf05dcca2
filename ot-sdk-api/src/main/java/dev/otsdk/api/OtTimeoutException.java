package dev.otsdk.api;

import java.time.Duration;

/** A request, connect or close that did not complete within its timeout. */
public class OtTimeoutException extends OtException {

    private static final long serialVersionUID = 1L;

    /** The timeout that elapsed. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param what the operation that timed out, e.g. {@code "Modbus FC3 unit 1, 10 registers at 100"}
     * @param timeout the timeout that elapsed
     */
    public OtTimeoutException(String what, Duration timeout) {
        super(what + " timed out after " + Durations.format(timeout));
        this.timeout = timeout;
    }

    /** @return the timeout that elapsed */
    public Duration timeout() {
        return timeout;
    }
}
