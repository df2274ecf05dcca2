package dev.otsdk.testkit.internal.opcua;

import dev.otsdk.testkit.OpcUaType;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.XmlElement;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/** Converts the emulator's plain Java values to Milo's representation of OPC UA types and back. */
public final class MiloValues {

    private MiloValues() {
    }

    /**
     * Returns the Milo data type of an emulator type.
     *
     * @param type the type
     * @return Milo's built-in data type
     */
    public static OpcUaDataType dataType(OpcUaType type) {
        return switch (type) {
            case BOOLEAN -> OpcUaDataType.Boolean;
            case SBYTE -> OpcUaDataType.SByte;
            case BYTE -> OpcUaDataType.Byte;
            case INT16 -> OpcUaDataType.Int16;
            case UINT16 -> OpcUaDataType.UInt16;
            case INT32 -> OpcUaDataType.Int32;
            case UINT32 -> OpcUaDataType.UInt32;
            case INT64 -> OpcUaDataType.Int64;
            case UINT64 -> OpcUaDataType.UInt64;
            case FLOAT -> OpcUaDataType.Float;
            case DOUBLE -> OpcUaDataType.Double;
            case STRING -> OpcUaDataType.String;
            case DATE_TIME -> OpcUaDataType.DateTime;
            case GUID -> OpcUaDataType.Guid;
            case BYTE_STRING -> OpcUaDataType.ByteString;
            case XML_ELEMENT -> OpcUaDataType.XmlElement;
            case NODE_ID -> OpcUaDataType.NodeId;
            case EXPANDED_NODE_ID -> OpcUaDataType.ExpandedNodeId;
            case STATUS_CODE -> OpcUaDataType.StatusCode;
            case QUALIFIED_NAME -> OpcUaDataType.QualifiedName;
            case LOCALIZED_TEXT -> OpcUaDataType.LocalizedText;
        };
    }

    /**
     * Converts a plain value (scalar or array) to Milo's representation.
     *
     * @param type the variable's type
     * @param array whether the variable is an array
     * @param value the plain value, or {@code null}
     * @return the Milo value
     * @throws IllegalArgumentException if the value does not fit the type
     */
    public static Object toMilo(OpcUaType type, boolean array, Object value) {
        if (value == null) {
            return null;
        }
        if (!array) {
            return scalar(type, value);
        }
        if (!value.getClass().isArray()) {
            throw new IllegalArgumentException("an array is needed for an array variable, got " + value);
        }
        int n = Array.getLength(value);
        Object out = Array.newInstance(dataType(type).getBackingClass(), n);
        for (int i = 0; i < n; i++) {
            Array.set(out, i, scalar(type, Array.get(value, i)));
        }
        return out;
    }

    private static Object scalar(OpcUaType type, Object v) {
        try {
            return switch (type) {
                case BOOLEAN -> (Boolean) v;
                case SBYTE -> ((Number) v).byteValue();
                case BYTE -> Unsigned.ubyte(((Number) v).longValue());
                case INT16 -> ((Number) v).shortValue();
                case UINT16 -> Unsigned.ushort(((Number) v).intValue());
                case INT32 -> ((Number) v).intValue();
                case UINT32 -> Unsigned.uint(((Number) v).longValue());
                case INT64 -> ((Number) v).longValue();
                case UINT64 -> ULong.valueOf(v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue()));
                case FLOAT -> ((Number) v).floatValue();
                case DOUBLE -> ((Number) v).doubleValue();
                case STRING -> (String) v;
                case DATE_TIME -> new DateTime((Instant) v);
                case GUID -> v instanceof UUID u ? u : UUID.fromString((String) v);
                case BYTE_STRING -> ByteString.of((byte[]) v);
                case XML_ELEMENT -> XmlElement.of((String) v);
                case NODE_ID -> NodeId.parse((String) v);
                case EXPANDED_NODE_ID -> ExpandedNodeId.parse((String) v);
                case STATUS_CODE -> new StatusCode(((Number) v).longValue());
                case QUALIFIED_NAME -> QualifiedName.parse((String) v);
                case LOCALIZED_TEXT -> LocalizedText.english((String) v);
            };
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(type + " needs a " + type.javaType().getSimpleName() + ", got "
                    + v.getClass().getSimpleName() + " " + v, e);
        }
    }

    /**
     * Converts a Milo value (scalar or array) to the emulator's plain Java form.
     *
     * @param value a Milo value or {@code null}
     * @return the plain value; arrays become arrays of the plain element type
     */
    public static Object fromMilo(Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().isArray()) {
            int n = Array.getLength(value);
            Object first = null;
            for (int i = 0; i < n && first == null; i++) {
                first = Array.get(value, i);
            }
            Class<?> element = first == null ? Object.class : plain(first).getClass();
            Object out = Array.newInstance(element, n);
            for (int i = 0; i < n; i++) {
                Object e = Array.get(value, i);
                Array.set(out, i, e == null ? null : plain(e));
            }
            return out;
        }
        return plain(value);
    }

    private static Object plain(Object v) {
        if (v instanceof UByte u) {
            return (short) u.intValue();
        } else if (v instanceof UShort u) {
            return u.intValue();
        } else if (v instanceof UInteger u) {
            return u.longValue();
        } else if (v instanceof ULong u) {
            return u.toBigInteger();
        } else if (v instanceof DateTime d) {
            return d.getJavaInstant();
        } else if (v instanceof ByteString b) {
            return b.bytesOrEmpty();
        } else if (v instanceof XmlElement x) {
            return x.getFragmentOrEmpty();
        } else if (v instanceof NodeId n) {
            return n.toParseableString();
        } else if (v instanceof ExpandedNodeId n) {
            return n.toParseableString();
        } else if (v instanceof StatusCode s) {
            return s.value();
        } else if (v instanceof QualifiedName q) {
            return q.toParseableString();
        } else if (v instanceof LocalizedText t) {
            return t.getText();
        }
        return v;
    }
}
