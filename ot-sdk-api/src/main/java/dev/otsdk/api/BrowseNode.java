package dev.otsdk.api;

import java.util.Objects;

/**
 * One entry of a browse result (OPC UA address space).
 *
 * @param address the node's address, usable in {@link Tag#of(String, DataType)} and to browse further
 * @param browseName the qualified browse name
 * @param displayName the display name
 * @param kind what the node is
 * @param dataTypeName the server's name for the value type (variables), else empty
 * @param type the SDK type values convert to ({@link DataType#AUTO} if none matches or not a variable)
 * @param readable whether the current user may read the value
 * @param writable whether the current user may write the value
 * @param hasChildren whether browsing it may return more nodes
 */
public record BrowseNode(String address, String browseName, String displayName, Kind kind, String dataTypeName,
        DataType<?> type, boolean readable, boolean writable, boolean hasChildren) {

    /** What a node is. */
    public enum Kind {
        /** An object or folder: it groups other nodes. */
        OBJECT,
        /** A variable with a value: can become a tag. */
        VARIABLE,
        /** A method. */
        METHOD,
        /** A type definition, view or anything else. */
        OTHER
    }

    /**
     * Validates the components.
     *
     * @param address the address
     * @param browseName the browse name
     * @param displayName the display name
     * @param kind the kind
     * @param dataTypeName the data type name or empty
     * @param type the SDK type
     * @param readable readable
     * @param writable writable
     * @param hasChildren has children
     */
    public BrowseNode {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(browseName, "browseName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dataTypeName, "dataTypeName");
        Objects.requireNonNull(type, "type");
    }

    /** @return a tag for this node's value, named after its display name */
    public Tag<?> toTag() {
        return Tag.of(address, type).named(displayName);
    }
}
