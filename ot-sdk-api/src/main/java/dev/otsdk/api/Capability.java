package dev.otsdk.api;

/** Optional things a session can do beyond read, write and (polled) subscribe. */
public enum Capability {
    /** Subscriptions run on the device or server (OPC UA monitored items), not by polling. */
    NATIVE_SUBSCRIPTIONS("native subscriptions"),
    /** {@link Session#browse(String)}: the address space can be listed. */
    BROWSE("browsing"),
    /** {@link Session#deviceInfo()}: the device can identify itself. */
    DEVICE_INFO("device identification"),
    /** {@link Session#unwrap(Class)} gives protocol-specific operations (e.g. raw Modbus PDUs). */
    PROTOCOL_EXTENSIONS("protocol-specific operations");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** @return a short human description, e.g. {@code "browsing"} */
    public String description() {
        return description;
    }
}
