package dev.otsdk.api;

/**
 * The device or server answered, but with an error: a Modbus exception response, an S7 return code,
 * an OPC UA bad status code. {@link #status()} carries the protocol's code and its name.
 */
public class DeviceException extends OtException {

    private static final long serialVersionUID = 1L;

    private final transient Status status;

    /**
     * Creates the exception.
     *
     * @param context what was asked (e.g. {@code "read holding:100:float32"})
     * @param status the protocol status the device answered with
     */
    public DeviceException(String context, Status status) {
        super(context + " failed: " + status);
        this.status = status;
    }

    /** @return the protocol status the device answered with */
    public Status status() {
        return status;
    }
}
