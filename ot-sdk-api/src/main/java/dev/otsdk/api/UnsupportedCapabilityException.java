package dev.otsdk.api;

/** The protocol or device cannot do what was asked, e.g. browsing a Modbus device. */
public class UnsupportedCapabilityException extends OtException {

    private static final long serialVersionUID = 1L;

    /** The missing capability. */
    private final Capability capability;

    /**
     * Creates the exception.
     *
     * @param capability what is missing
     * @param protocol the protocol name, for the message
     */
    public UnsupportedCapabilityException(Capability capability, String protocol) {
        super(protocol + " does not support " + capability.description());
        this.capability = capability;
    }

    /** @return the capability that is missing */
    public Capability capability() {
        return capability;
    }
}
