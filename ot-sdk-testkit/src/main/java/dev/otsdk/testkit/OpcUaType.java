package dev.otsdk.testkit;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/**
 * The OPC UA built-in types an {@link OpcUaEmulator} variable can have, with the plain Java type its
 * values are given and returned as. Arrays are Java arrays of the element type (boxed or primitive).
 */
public enum OpcUaType {
    /** Boolean, as {@link Boolean}. */
    BOOLEAN(Boolean.class),
    /** SByte, as {@link Byte}. */
    SBYTE(Byte.class),
    /** Byte (unsigned), as {@link Short}. */
    BYTE(Short.class),
    /** Int16, as {@link Short}. */
    INT16(Short.class),
    /** UInt16, as {@link Integer}. */
    UINT16(Integer.class),
    /** Int32, as {@link Integer}. */
    INT32(Integer.class),
    /** UInt32, as {@link Long}. */
    UINT32(Long.class),
    /** Int64, as {@link Long}. */
    INT64(Long.class),
    /** UInt64, as {@link BigInteger}. */
    UINT64(BigInteger.class),
    /** Float, as {@link Float}. */
    FLOAT(Float.class),
    /** Double, as {@link Double}. */
    DOUBLE(Double.class),
    /** String, as {@link String}. */
    STRING(String.class),
    /** DateTime, as {@link Instant}. */
    DATE_TIME(Instant.class),
    /** Guid, as {@link UUID}. */
    GUID(UUID.class),
    /** ByteString, as {@code byte[]}. */
    BYTE_STRING(byte[].class),
    /** XmlElement, as its {@link String} fragment. */
    XML_ELEMENT(String.class),
    /** NodeId, as its text form such as {@code ns=1;s=Name}. */
    NODE_ID(String.class),
    /** ExpandedNodeId, as its text form. */
    EXPANDED_NODE_ID(String.class),
    /** StatusCode, as its {@link Long} code. */
    STATUS_CODE(Long.class),
    /** QualifiedName, as {@code index:name}. */
    QUALIFIED_NAME(String.class),
    /** LocalizedText, as its {@link String} text (locale {@code en}). */
    LOCALIZED_TEXT(String.class);

    private final Class<?> javaType;

    OpcUaType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /**
     * Returns the Java type of one value.
     *
     * @return e.g. {@code Integer.class} for {@link #UINT16}
     */
    public Class<?> javaType() {
        return javaType;
    }
}
