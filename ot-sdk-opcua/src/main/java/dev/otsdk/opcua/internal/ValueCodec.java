package dev.otsdk.opcua.internal;

import dev.otsdk.api.DataType;
import dev.otsdk.api.Tag;
import dev.otsdk.api.ValueConversionException;
import java.lang.reflect.Array;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

/**
 * Converts between OPC UA built-in types (as Milo represents them) and the SDK's {@link DataType}s.
 *
 * <p>Reading: a tag's declared type must be the variable's natural type or one that holds every value
 * of it (Int16 reads as int16, int32, int64, float32 or float64; Float as float64; Double also as
 * duration in milliseconds). Anything else is a {@link ValueConversionException} naming the tag, the
 * declared and the server's type: the check depends on types, never on the current value, so a tag that
 * works today works tomorrow. Writing: the value is sent as the declared type's OPC UA type; {@code auto}
 * tags are written as the type of the variable's current value.
 */
final class ValueCodec {

    private static final Map<Class<?>, DataType.Kind> KINDS = Map.ofEntries(
            Map.entry(Boolean.class, DataType.Kind.BOOL), Map.entry(Byte.class, DataType.Kind.INT8),
            Map.entry(UByte.class, DataType.Kind.UINT8), Map.entry(Short.class, DataType.Kind.INT16),
            Map.entry(UShort.class, DataType.Kind.UINT16), Map.entry(Integer.class, DataType.Kind.INT32),
            Map.entry(UInteger.class, DataType.Kind.UINT32), Map.entry(Long.class, DataType.Kind.INT64),
            Map.entry(ULong.class, DataType.Kind.UINT64), Map.entry(Float.class, DataType.Kind.FLOAT32),
            Map.entry(Double.class, DataType.Kind.FLOAT64), Map.entry(String.class, DataType.Kind.STRING),
            Map.entry(DateTime.class, DataType.Kind.DATETIME), Map.entry(UUID.class, DataType.Kind.STRING),
            Map.entry(ByteString.class, DataType.Kind.BYTES), Map.entry(XmlElement.class, DataType.Kind.STRING),
            Map.entry(NodeId.class, DataType.Kind.STRING), Map.entry(ExpandedNodeId.class, DataType.Kind.STRING),
            Map.entry(StatusCode.class, DataType.Kind.UINT32), Map.entry(QualifiedName.class, DataType.Kind.STRING),
            Map.entry(LocalizedText.class, DataType.Kind.STRING));

    /** OPC UA built-in type names for messages. */
    private static final Map<Class<?>, String> NAMES = Map.ofEntries(
            Map.entry(Boolean.class, "Boolean"), Map.entry(Byte.class, "SByte"), Map.entry(UByte.class, "Byte"),
            Map.entry(Short.class, "Int16"), Map.entry(UShort.class, "UInt16"), Map.entry(Integer.class, "Int32"),
            Map.entry(UInteger.class, "UInt32"), Map.entry(Long.class, "Int64"), Map.entry(ULong.class, "UInt64"),
            Map.entry(Float.class, "Float"), Map.entry(Double.class, "Double"), Map.entry(String.class, "String"),
            Map.entry(DateTime.class, "DateTime"), Map.entry(UUID.class, "Guid"),
            Map.entry(ByteString.class, "ByteString"), Map.entry(XmlElement.class, "XmlElement"),
            Map.entry(NodeId.class, "NodeId"), Map.entry(ExpandedNodeId.class, "ExpandedNodeId"),
            Map.entry(StatusCode.class, "StatusCode"), Map.entry(QualifiedName.class, "QualifiedName"),
            Map.entry(LocalizedText.class, "LocalizedText"));

    /** Declared kinds that hold every value of a natural kind. */
    private static final Map<DataType.Kind, Set<DataType.Kind>> WIDER = widening();

    /** The OPC UA type a declared kind is written as. */
    private static final Map<DataType.Kind, Class<?>> WRITE_CLASS = writeClasses();

    private ValueCodec() {
    }

    private static Map<DataType.Kind, Set<DataType.Kind>> widening() {
        Map<DataType.Kind, Set<DataType.Kind>> m = new EnumMap<>(DataType.Kind.class);
        m.put(DataType.Kind.INT8, Set.of(DataType.Kind.INT16, DataType.Kind.INT32, DataType.Kind.INT64,
                DataType.Kind.FLOAT32, DataType.Kind.FLOAT64));
        m.put(DataType.Kind.UINT8, Set.of(DataType.Kind.INT16, DataType.Kind.UINT16, DataType.Kind.INT32,
                DataType.Kind.UINT32, DataType.Kind.INT64, DataType.Kind.UINT64, DataType.Kind.FLOAT32,
                DataType.Kind.FLOAT64));
        m.put(DataType.Kind.INT16, Set.of(DataType.Kind.INT32, DataType.Kind.INT64, DataType.Kind.FLOAT32,
                DataType.Kind.FLOAT64));
        m.put(DataType.Kind.UINT16, Set.of(DataType.Kind.INT32, DataType.Kind.UINT32, DataType.Kind.INT64,
                DataType.Kind.UINT64, DataType.Kind.FLOAT32, DataType.Kind.FLOAT64));
        m.put(DataType.Kind.INT32, Set.of(DataType.Kind.INT64, DataType.Kind.FLOAT64));
        m.put(DataType.Kind.UINT32, Set.of(DataType.Kind.INT64, DataType.Kind.UINT64, DataType.Kind.FLOAT64));
        m.put(DataType.Kind.FLOAT32, Set.of(DataType.Kind.FLOAT64));
        m.put(DataType.Kind.FLOAT64, Set.of(DataType.Kind.DURATION));
        m.put(DataType.Kind.STRING, Set.of(DataType.Kind.WSTRING));
        return m;
    }

    private static Map<DataType.Kind, Class<?>> writeClasses() {
        Map<DataType.Kind, Class<?>> m = new EnumMap<>(DataType.Kind.class);
        m.put(DataType.Kind.BOOL, Boolean.class);
        m.put(DataType.Kind.INT8, Byte.class);
        m.put(DataType.Kind.UINT8, UByte.class);
        m.put(DataType.Kind.INT16, Short.class);
        m.put(DataType.Kind.UINT16, UShort.class);
        m.put(DataType.Kind.INT32, Integer.class);
        m.put(DataType.Kind.UINT32, UInteger.class);
        m.put(DataType.Kind.INT64, Long.class);
        m.put(DataType.Kind.UINT64, ULong.class);
        m.put(DataType.Kind.FLOAT32, Float.class);
        m.put(DataType.Kind.FLOAT64, Double.class);
        m.put(DataType.Kind.STRING, String.class);
        m.put(DataType.Kind.WSTRING, String.class);
        m.put(DataType.Kind.BYTES, ByteString.class);
        m.put(DataType.Kind.DATETIME, DateTime.class);
        m.put(DataType.Kind.DURATION, Double.class);
        return m;
    }

    /**
     * Checks that OPC UA can carry a declared type at all.
     *
     * @param type the tag's type
     * @return whether it maps to an OPC UA built-in type (or is auto)
     */
    static boolean supports(DataType<?> type) {
        return type.kind() == DataType.Kind.AUTO || WRITE_CLASS.containsKey(type.kind());
    }

    /**
     * Decodes a variant value for a tag.
     *
     * @param tag the tag, for messages
     * @param declared the tag's type (or auto)
     * @param raw the variant's value, may be {@code null}
     * @return the value as the declared type's Java type, or {@code null}
     * @throws ValueConversionException if the declared type cannot hold the server's type
     */
    static Object decode(Tag<?> tag, DataType<?> declared, Object raw) {
        if (raw == null) {
            return null;
        }
        boolean array = raw.getClass().isArray();
        Class<?> element = array ? raw.getClass().getComponentType() : raw.getClass();
        DataType.Kind natural = KINDS.get(element);
        if (declared.kind() == DataType.Kind.AUTO) {
            return natural == null ? String.valueOf(raw) : array ? naturalArray(raw, natural) : naturalScalar(raw);
        }
        if (natural == null || declared.isArray() != array || !compatible(natural, declared.kind())) {
            throw mismatch(tag, declared, raw);
        }
        if (declared.kind() == DataType.Kind.DURATION) {
            return array ? durations((Object[]) raw) : millis((Double) raw);
        }
        Object value = array ? naturalArray(raw, natural) : naturalScalar(raw);
        if (!array && declared.javaType().isInstance(value)) {
            return value;
        }
        try {
            return declared.convert(value);
        } catch (ValueConversionException e) {
            throw new ValueConversionException("tag " + tag + ": expected " + declared.name() + " but the server's value "
                    + typeName(raw) + " does not fit: " + e.getMessage());
        }
    }

    static ValueConversionException mismatch(Tag<?> tag, DataType<?> declared, Object raw) {
        return new ValueConversionException("tag " + tag + ": expected " + declared.name() + " but the server's value is "
                + typeName(raw) + " " + preview(raw) + "; declare the tag as " + suggestion(raw) + " or auto");
    }

    private static boolean compatible(DataType.Kind natural, DataType.Kind declared) {
        return natural == declared || WIDER.getOrDefault(natural, Set.of()).contains(declared);
    }

    /**
     * The OPC UA type name of a value, e.g. {@code Double} or {@code Int16[]}.
     *
     * @param raw a Milo value
     * @return the name
     */
    static String typeName(Object raw) {
        if (raw == null) {
            return "null";
        }
        boolean array = raw.getClass().isArray();
        Class<?> element = array ? raw.getClass().getComponentType() : raw.getClass();
        String name = NAMES.getOrDefault(element, element.getSimpleName());
        return array ? name + "[]" : name;
    }

    private static String suggestion(Object raw) {
        boolean array = raw.getClass().isArray();
        DataType.Kind k = KINDS.get(array ? raw.getClass().getComponentType() : raw.getClass());
        if (k == null) {
            return "auto";
        }
        String name = scalarOf(k).name();
        return array ? name + "[]" : name;
    }

    private static String preview(Object raw) {
        String s = raw.getClass().isArray() ? "with " + Array.getLength(raw) + " elements" : "(" + raw + ")";
        return s.length() > 60 ? s.substring(0, 57) + "...)" : s;
    }

    /**
     * The value as plain Java: unsigned numbers widened, DateTime as Instant, ByteString as bytes, names
     * and ids as their text.
     *
     * @param v a Milo scalar
     * @return the Java value
     */
    static Object naturalScalar(Object v) {
        if (v instanceof Double || v instanceof Float || v instanceof Integer || v instanceof Boolean
                || v instanceof String || v instanceof Short || v instanceof Long || v instanceof Byte) {
            return v; // already plain: the common case first
        } else if (v instanceof UByte u) {
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
        } else if (v instanceof UUID u) {
            return u.toString();
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
            return t.getText() == null ? "" : t.getText();
        }
        return v;
    }

    private static Object naturalArray(Object raw, DataType.Kind kind) {
        int n = Array.getLength(raw);
        Object out = Array.newInstance(kind.arrayType().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            Object e = Array.get(raw, i);
            if (e == null) {
                if (kind.javaType().isPrimitive() || out.getClass().getComponentType().isPrimitive()) {
                    throw new ValueConversionException("element " + i + " of a " + typeName(raw) + " is null");
                }
                continue;
            }
            Array.set(out, i, naturalScalar(e));
        }
        return out;
    }

    private static Duration millis(Double ms) {
        return Duration.ofNanos(Math.round(ms * 1_000_000d));
    }

    private static Duration[] durations(Object[] raw) {
        Duration[] out = new Duration[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = raw[i] == null ? null : millis((Double) raw[i]);
        }
        return out;
    }

    /**
     * Encodes a value, already converted to {@code type}, as the type's OPC UA type.
     *
     * @param value the value
     * @param type a supported, non-auto type
     * @return the Milo value for a Variant
     */
    static Object encode(Object value, DataType<?> type) {
        Class<?> target = WRITE_CLASS.get(type.kind());
        if (target == null) {
            throw new ValueConversionException(type.name() + " has no OPC UA equivalent");
        }
        return type.isArray() ? toMiloArray(target, value) : toMilo(target, value);
    }

    /**
     * Encodes a caller's value for an {@code auto} tag as the type of the variable's current value.
     *
     * @param tag the tag, for messages
     * @param current the variable's current value (a Milo value, not {@code null})
     * @param value the caller's value
     * @return the Milo value for a Variant
     */
    static Object encodeLike(Tag<?> tag, Object current, Object value) {
        boolean array = current.getClass().isArray();
        Class<?> target = array ? current.getClass().getComponentType() : current.getClass();
        DataType.Kind kind = KINDS.get(target);
        if (kind == null) {
            throw new ValueConversionException("tag " + tag + ": cannot write " + typeName(current)
                    + " values (structures are not supported)");
        }
        DataType.Scalar<?, ?> scalar = scalarOf(kind);
        try {
            Object converted = array ? scalar.array().convert(value) : scalar.convert(value);
            return array ? toMiloArray(target, converted) : toMilo(target, converted);
        } catch (ValueConversionException e) {
            throw new ValueConversionException("write " + tag + " (server type " + typeName(current) + "): "
                    + e.getMessage());
        }
    }

    private static Object toMiloArray(Class<?> target, Object javaArray) {
        int n = Array.getLength(javaArray);
        Object out = Array.newInstance(target, n);
        for (int i = 0; i < n; i++) {
            Array.set(out, i, toMilo(target, Array.get(javaArray, i)));
        }
        return out;
    }

    private static Object toMilo(Class<?> target, Object v) {
        if (target == UByte.class) {
            return Unsigned.ubyte((Short) v);
        } else if (target == UShort.class) {
            return Unsigned.ushort((Integer) v);
        } else if (target == UInteger.class) {
            return Unsigned.uint((Long) v);
        } else if (target == ULong.class) {
            return ULong.valueOf((BigInteger) v);
        } else if (target == DateTime.class) {
            return new DateTime((Instant) v);
        } else if (target == ByteString.class) {
            return ByteString.of((byte[]) v);
        } else if (target == Double.class && v instanceof Duration d) {
            return d.toNanos() / 1_000_000d;
        } else if (target == UUID.class) {
            return parse(() -> UUID.fromString((String) v), v, "a GUID");
        } else if (target == XmlElement.class) {
            return XmlElement.of((String) v);
        } else if (target == NodeId.class) {
            return parse(() -> NodeId.parse((String) v), v, "a NodeId such as ns=1;s=Name");
        } else if (target == ExpandedNodeId.class) {
            return parse(() -> ExpandedNodeId.parse((String) v), v, "an ExpandedNodeId");
        } else if (target == QualifiedName.class) {
            return parse(() -> QualifiedName.parse((String) v), v, "a qualified name such as 1:Name");
        } else if (target == LocalizedText.class) {
            return LocalizedText.english((String) v);
        } else if (target == StatusCode.class) {
            return new StatusCode((Long) v);
        }
        return v;
    }

    private static Object parse(java.util.function.Supplier<Object> parser, Object v, String expected) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new ValueConversionException("'" + v + "' is not " + expected);
        }
    }

    private static DataType.Scalar<?, ?> scalarOf(DataType.Kind kind) {
        return switch (kind) {
            case BOOL -> DataType.BOOL;
            case INT8 -> DataType.INT8;
            case UINT8 -> DataType.UINT8;
            case INT16 -> DataType.INT16;
            case UINT16 -> DataType.UINT16;
            case INT32 -> DataType.INT32;
            case UINT32 -> DataType.UINT32;
            case INT64 -> DataType.INT64;
            case UINT64 -> DataType.UINT64;
            case FLOAT32 -> DataType.FLOAT32;
            case FLOAT64 -> DataType.FLOAT64;
            case BYTES -> DataType.BYTES;
            case DATETIME -> DataType.DATETIME;
            case DURATION -> DataType.DURATION;
            default -> DataType.STRING;
        };
    }
}
