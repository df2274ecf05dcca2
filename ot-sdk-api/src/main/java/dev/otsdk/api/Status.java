package dev.otsdk.api;

import java.util.Objects;

/**
 * The protocol's own status for one outcome: an OPC UA StatusCode, a Modbus exception code, an S7
 * return code. {@code code} is the protocol's numeric value, {@code name} its symbolic name and
 * {@code description} a sentence for people.
 *
 * @param code the protocol's numeric code (e.g. {@code 0x80340000L}, Modbus {@code 2})
 * @param name the symbolic name (e.g. {@code Bad_NodeIdUnknown}, {@code ILLEGAL_DATA_ADDRESS})
 * @param description a readable explanation, may be empty
 */
public record Status(long code, String name, String description) {

    /** Success, for every protocol. */
    public static final Status GOOD = new Status(0, "Good", "");

    /**
     * Validates the components.
     *
     * @param code the protocol's numeric code
     * @param name the symbolic name
     * @param description a readable explanation, may be empty
     */
    public Status {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Whether this status means success: {@link #GOOD}, or an OPC UA {@code Good_…} status such as
     * {@code Good_CompletesAsynchronously} (severity bits 00 with a sub-code).
     *
     * @return whether the outcome is good
     */
    public boolean isGood() {
        return code == 0 && name.equals(GOOD.name) || name.startsWith("Good_") && (code >>> 30) == 0;
    }

    /** @return e.g. {@code Bad_NodeIdUnknown (0x80340000): The node id refers to a node that does not exist} */
    @Override
    public String toString() {
        String hex = code > 0xFFFF ? String.format("0x%08X", code) : Long.toString(code);
        return description.isEmpty() ? name + " (" + hex + ")" : name + " (" + hex + "): " + description;
    }
}
