package dev.otsdk.modbus.internal.codec;

/**
 * A PDU inside a well-formed frame does not match its function code's layout (byte count, quantity,
 * echoed fields). Only the one request or response is affected; the connection stays usable.
 */
public final class MalformedPduException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, with the values seen and expected
     */
    public MalformedPduException(String message) {
        super(message, null, false, false);
    }
}
