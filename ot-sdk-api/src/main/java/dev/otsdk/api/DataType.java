package dev.otsdk.api;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The type of a tag's value: a scalar such as {@link #FLOAT32}, a scalar with a length such as
 * {@code STRING.length(20)}, or an array such as {@code INT16.array(10)}.
 *
 * <p>Each type has one Java representation: {@code int16 → Short}, {@code uint16 → Integer},
 * {@code uint32 → Long}, {@code uint64 → BigInteger}, arrays of numbers are primitive arrays
 * ({@code int16[] → short[]}). Unsigned types use the next wider Java type so values are never
 * negative by accident.
 *
 * <p>Names: the SDK's lower-case names ({@code bool, int8 … uint64, float32, float64, string, wstring,
 * bytes, datetime, duration, date, time}) and the IEC 61131-3 upper-case names ({@code BOOL, BYTE,
 * WORD, DWORD, LWORD, SINT, INT, DINT, LINT, USINT, UINT, UDINT, ULINT, REAL, LREAL, STRING, WSTRING,
 * TIME, LTIME, DATE, TOD, DT, DTL}). Case matters because the two vocabularies disagree on one word:
 * {@code time} is a time of day, IEC {@code TIME} is a duration. IEC names that only alias an SDK type
 * resolve to the same instance ({@code INT == int16}); {@code LTIME}, {@code DT} and {@code DTL} have
 * their own encodings and are distinct types.
 *
 * <p>Text form (see {@link #parse(String)}): {@code name}, {@code name(length)} for strings and bytes,
 * and a trailing {@code [count]} for arrays ({@code []} when the device decides the length).
 *
 * @param <T> the Java type of a value
 */
public abstract sealed class DataType<T> permits DataType.Scalar, DataType.ArrayOf {

    /** What a type is, independent of arrays and lengths. Drivers switch on this. */
    public enum Kind {
        /** Boolean, one bit on the wire. */
        BOOL(Boolean.class, boolean[].class, 0),
        /** Signed 8-bit. */
        INT8(Byte.class, byte[].class, 1),
        /** Unsigned 8-bit, as {@code Short}. */
        UINT8(Short.class, short[].class, 1),
        /** Signed 16-bit. */
        INT16(Short.class, short[].class, 2),
        /** Unsigned 16-bit, as {@code Integer}. */
        UINT16(Integer.class, int[].class, 2),
        /** Signed 32-bit. */
        INT32(Integer.class, int[].class, 4),
        /** Unsigned 32-bit, as {@code Long}. */
        UINT32(Long.class, long[].class, 4),
        /** Signed 64-bit. */
        INT64(Long.class, long[].class, 8),
        /** Unsigned 64-bit, as {@code BigInteger}. */
        UINT64(BigInteger.class, BigInteger[].class, 8),
        /** IEEE 754 single precision. */
        FLOAT32(Float.class, float[].class, 4),
        /** IEEE 754 double precision. */
        FLOAT64(Double.class, double[].class, 8),
        /** Text in a single-byte or UTF-8 encoding. */
        STRING(String.class, String[].class, -1),
        /** Text in UTF-16. */
        WSTRING(String.class, String[].class, -1),
        /** Raw bytes. */
        BYTES(byte[].class, byte[][].class, -1),
        /** A point in time (UTC). */
        DATETIME(Instant.class, Instant[].class, -1),
        /** A duration (IEC TIME: 32-bit milliseconds on S7). */
        DURATION(Duration.class, Duration[].class, -1),
        /** A calendar date. */
        DATE(LocalDate.class, LocalDate[].class, -1),
        /** A time of day (IEC TOD). */
        TIME_OF_DAY(LocalTime.class, LocalTime[].class, -1),
        /** IEC LTIME: a duration in 64-bit nanoseconds. */
        LTIME(Duration.class, Duration[].class, 8),
        /** IEC DATE_AND_TIME: local date and time, BCD on S7. */
        DT(LocalDateTime.class, LocalDateTime[].class, 8),
        /** IEC DTL: local date and time with nanoseconds. */
        DTL(LocalDateTime.class, LocalDateTime[].class, 12),
        /** No type given: the driver picks the address's natural type. */
        AUTO(Object.class, Object.class, -1);

        private final Class<?> javaType;
        private final Class<?> arrayType;
        private final int fixedSize;

        Kind(Class<?> javaType, Class<?> arrayType, int fixedSize) {
            this.javaType = javaType;
            this.arrayType = arrayType;
            this.fixedSize = fixedSize;
        }

        /** @return the Java class of one value */
        public Class<?> javaType() {
            return javaType;
        }

        /** @return the Java class of an array of values */
        public Class<?> arrayType() {
            return arrayType;
        }

        /** @return the size in bytes of one value where it is the same for every protocol, else -1 */
        public int fixedSize() {
            return fixedSize;
        }

        /** @return whether values are integers or floats */
        public boolean isNumeric() {
            return ordinal() >= INT8.ordinal() && ordinal() <= FLOAT64.ordinal();
        }

        /** @return whether values are whole numbers */
        public boolean isInteger() {
            return ordinal() >= INT8.ordinal() && ordinal() <= UINT64.ordinal();
        }

        /** @return whether a length may be given ({@code string(20)}) */
        public boolean takesLength() {
            return this == STRING || this == WSTRING || this == BYTES;
        }
    }

    /** {@code bool} / IEC {@code BOOL}. */
    public static final Scalar<Boolean, boolean[]> BOOL = new Scalar<>(Kind.BOOL, "bool", -1);
    /** {@code int8} / IEC {@code SINT}. */
    public static final Scalar<Byte, byte[]> INT8 = new Scalar<>(Kind.INT8, "int8", -1);
    /** {@code uint8} / IEC {@code USINT}, {@code BYTE}. */
    public static final Scalar<Short, short[]> UINT8 = new Scalar<>(Kind.UINT8, "uint8", -1);
    /** {@code int16} / IEC {@code INT}. */
    public static final Scalar<Short, short[]> INT16 = new Scalar<>(Kind.INT16, "int16", -1);
    /** {@code uint16} / IEC {@code UINT}, {@code WORD}. */
    public static final Scalar<Integer, int[]> UINT16 = new Scalar<>(Kind.UINT16, "uint16", -1);
    /** {@code int32} / IEC {@code DINT}. */
    public static final Scalar<Integer, int[]> INT32 = new Scalar<>(Kind.INT32, "int32", -1);
    /** {@code uint32} / IEC {@code UDINT}, {@code DWORD}. */
    public static final Scalar<Long, long[]> UINT32 = new Scalar<>(Kind.UINT32, "uint32", -1);
    /** {@code int64} / IEC {@code LINT}. */
    public static final Scalar<Long, long[]> INT64 = new Scalar<>(Kind.INT64, "int64", -1);
    /** {@code uint64} / IEC {@code ULINT}, {@code LWORD}. */
    public static final Scalar<BigInteger, BigInteger[]> UINT64 = new Scalar<>(Kind.UINT64, "uint64", -1);
    /** {@code float32} / IEC {@code REAL}. */
    public static final Scalar<Float, float[]> FLOAT32 = new Scalar<>(Kind.FLOAT32, "float32", -1);
    /** {@code float64} / IEC {@code LREAL}. */
    public static final Scalar<Double, double[]> FLOAT64 = new Scalar<>(Kind.FLOAT64, "float64", -1);
    /** {@code string} / IEC {@code STRING}; {@code STRING.length(n)} for a fixed maximum length. */
    public static final Scalar<String, String[]> STRING = new Scalar<>(Kind.STRING, "string", -1);
    /** {@code wstring} / IEC {@code WSTRING} (UTF-16). */
    public static final Scalar<String, String[]> WSTRING = new Scalar<>(Kind.WSTRING, "wstring", -1);
    /** {@code bytes}: raw bytes; {@code BYTES.length(n)} for exactly n bytes. */
    public static final Scalar<byte[], byte[][]> BYTES = new Scalar<>(Kind.BYTES, "bytes", -1);
    /** {@code datetime}: an instant in UTC (OPC UA DateTime). */
    public static final Scalar<Instant, Instant[]> DATETIME = new Scalar<>(Kind.DATETIME, "datetime", -1);
    /** {@code duration} / IEC {@code TIME}. */
    public static final Scalar<Duration, Duration[]> DURATION = new Scalar<>(Kind.DURATION, "duration", -1);
    /** {@code date} / IEC {@code DATE}. */
    public static final Scalar<LocalDate, LocalDate[]> DATE = new Scalar<>(Kind.DATE, "date", -1);
    /** {@code time} (time of day) / IEC {@code TOD}, {@code TIME_OF_DAY}. */
    public static final Scalar<LocalTime, LocalTime[]> TIME = new Scalar<>(Kind.TIME_OF_DAY, "time", -1);
    /** IEC {@code LTIME}: 64-bit nanosecond duration. */
    public static final Scalar<Duration, Duration[]> LTIME = new Scalar<>(Kind.LTIME, "LTIME", -1);
    /** IEC {@code DT} / {@code DATE_AND_TIME}. */
    public static final Scalar<LocalDateTime, LocalDateTime[]> DT = new Scalar<>(Kind.DT, "DT", -1);
    /** IEC {@code DTL}. */
    public static final Scalar<LocalDateTime, LocalDateTime[]> DTL = new Scalar<>(Kind.DTL, "DTL", -1);
    /**
     * No type given: the driver uses the address's natural type (Modbus registers: {@code uint16},
     * coils: {@code bool}; OPC UA: the variable's data type). Values are of whatever Java type that is.
     */
    public static final Scalar<Object, Object> AUTO = new Scalar<>(Kind.AUTO, "auto", -1);

    private static final Map<String, Scalar<?, ?>> NAMES = names();

    private static Map<String, Scalar<?, ?>> names() {
        Map<String, Scalar<?, ?>> m = new LinkedHashMap<>();
        for (Scalar<?, ?> s : new Scalar<?, ?>[] {BOOL, INT8, UINT8, INT16, UINT16, INT32, UINT32, INT64, UINT64,
            FLOAT32, FLOAT64, STRING, WSTRING, BYTES, DATETIME, DURATION, DATE, TIME, AUTO}) {
            m.put(s.name, s);
        }
        m.put("BOOL", BOOL);
        m.put("BYTE", UINT8);
        m.put("WORD", UINT16);
        m.put("DWORD", UINT32);
        m.put("LWORD", UINT64);
        m.put("SINT", INT8);
        m.put("INT", INT16);
        m.put("DINT", INT32);
        m.put("LINT", INT64);
        m.put("USINT", UINT8);
        m.put("UINT", UINT16);
        m.put("UDINT", UINT32);
        m.put("ULINT", UINT64);
        m.put("REAL", FLOAT32);
        m.put("LREAL", FLOAT64);
        m.put("STRING", STRING);
        m.put("WSTRING", WSTRING);
        m.put("TIME", DURATION);
        m.put("LTIME", LTIME);
        m.put("DATE", DATE);
        m.put("TOD", TIME);
        m.put("TIME_OF_DAY", TIME);
        m.put("DT", DT);
        m.put("DATE_AND_TIME", DT);
        m.put("DTL", DTL);
        return Collections.unmodifiableMap(m);
    }

    DataType() {
    }

    /** @return the kind of a value, for arrays the kind of an element */
    public abstract Kind kind();

    /** @return whether values are arrays */
    public abstract boolean isArray();

    /** @return the Java class of values */
    public abstract Class<T> javaType();

    /** @return the text form, e.g. {@code int16}, {@code string(20)}, {@code float32[10]} */
    public abstract String name();

    /**
     * Converts a value given by a caller to this type, with range and shape checks. Accepts the exact
     * Java type, other numbers that fit exactly, text (decimal or {@code 0x} hex numbers,
     * {@code true/false}, ISO-8601 dates, durations like {@code 500ms}, hex for bytes, {@code [1,2,3]} for
     * arrays), and for arrays any array or {@code List} whose elements convert.
     *
     * @param value the value, not {@code null}
     * @return the value as {@code T}; arrays are always fresh copies
     * @throws ValueConversionException if the value does not fit, saying why
     */
    public abstract T convert(Object value);

    /**
     * Casts a value that is known to be of this type (e.g. decoded by a driver).
     *
     * @param value a value of {@link #javaType()}
     * @return the value as {@code T}
     * @throws ValueConversionException if it is of another type
     */
    public T cast(Object value) {
        if (value != null && !javaType().isInstance(value)) {
            throw new ValueConversionException("expected a " + name() + " value (" + javaType().getSimpleName()
                    + ") but got " + value.getClass().getSimpleName() + " " + Values.describe(value));
        }
        return javaType().cast(value);
    }

    /**
     * Value equality that compares arrays by content, for change detection.
     *
     * @param a a value or {@code null}
     * @param b a value or {@code null}
     * @return whether both are equal
     */
    public static boolean valuesEqual(Object a, Object b) {
        return Objects.deepEquals(a, b);
    }

    /**
     * Looks up a scalar type by its SDK or IEC name.
     *
     * @param name e.g. {@code float32}, {@code REAL}
     * @return the scalar type
     * @throws TagAddressException if the name is unknown, listing the valid ones
     */
    public static Scalar<?, ?> named(String name) {
        Scalar<?, ?> s = NAMES.get(name);
        if (s == null) {
            throw new TagAddressException(name, 0, "a type name: " + suggestion(name) + String.join(", ", NAMES.keySet()));
        }
        return s;
    }

    private static String suggestion(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (NAMES.containsKey(lower) && NAMES.containsKey(upper) && NAMES.get(lower) != NAMES.get(upper)) {
            // "Time": the two spellings are different types
            return "did you mean '" + lower + "' (" + NAMES.get(lower).kind() + ") or '" + upper + "' ("
                    + NAMES.get(upper).kind() + ")? (names are case-sensitive) One of ";
        }
        if (NAMES.containsKey(lower)) {
            return "did you mean '" + lower + "'? (names are case-sensitive) One of ";
        }
        if (NAMES.containsKey(upper)) {
            return "did you mean '" + upper + "'? (names are case-sensitive) One of ";
        }
        return "one of ";
    }

    /**
     * Parses a type's text form: {@code name}, {@code name(length)}, then optionally {@code [count]} or
     * {@code []}.
     *
     * @param spec e.g. {@code float32}, {@code REAL[10]}, {@code string(20)}, {@code int16[]}
     * @return the type
     * @throws TagAddressException naming the position and what was expected
     */
    public static DataType<?> parse(String spec) {
        return TypeSpecParser.parse(spec, spec, 0);
    }

    /** @return {@link #name()} */
    @Override
    public String toString() {
        return name();
    }

    /**
     * A scalar type, possibly with a length (strings and bytes).
     *
     * @param <T> the Java type of one value
     * @param <A> the Java type of an array of values
     */
    public static final class Scalar<T, A> extends DataType<T> {
        private final Kind kind;
        private final String baseName;
        private final String name;
        private final int length;

        Scalar(Kind kind, String baseName, int length) {
            this.kind = kind;
            this.baseName = baseName;
            this.length = length;
            this.name = length < 0 ? baseName : baseName + "(" + length + ")";
        }

        @Override
        public Kind kind() {
            return kind;
        }

        @Override
        public boolean isArray() {
            return false;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Class<T> javaType() {
            return (Class<T>) kind.javaType;
        }

        @Override
        public String name() {
            return name;
        }

        /** @return the length of strings (characters) or bytes, or -1 if not fixed */
        public int length() {
            return length;
        }

        /**
         * This type with a fixed length: maximum characters for strings, exact bytes for {@code bytes}.
         *
         * @param length 1 or more
         * @return the type with that length
         * @throws IllegalArgumentException if the type takes no length or the length is not positive
         */
        public Scalar<T, A> length(int length) {
            if (!kind.takesLength()) {
                throw new IllegalArgumentException(baseName + " takes no length; only string, wstring and bytes do");
            }
            if (length < 1) {
                throw new IllegalArgumentException("length must be at least 1, got " + length);
            }
            return new Scalar<>(kind, baseName, length);
        }

        /**
         * An array of this type with exactly {@code count} elements.
         *
         * @param count 1 or more
         * @return the array type
         * @throws IllegalArgumentException if count is not positive or this is {@link #AUTO}
         */
        public ArrayOf<A> array(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("array count must be at least 1, got " + count);
            }
            return new ArrayOf<>(this, count);
        }

        /**
         * An array of this type whose length the device decides (OPC UA arrays).
         *
         * @return the array type
         * @throws IllegalArgumentException if this is {@link #AUTO}
         */
        public ArrayOf<A> array() {
            return new ArrayOf<>(this, -1);
        }

        @Override
        public T convert(Object value) {
            return javaType().cast(Values.convertScalar(this, value));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Scalar<?, ?> s && s.kind == kind && s.length == length;
        }

        @Override
        public int hashCode() {
            return kind.hashCode() * 31 + length;
        }
    }

    /**
     * An array type.
     *
     * @param <A> the Java array type, e.g. {@code short[]}
     */
    public static final class ArrayOf<A> extends DataType<A> {
        private final Scalar<?, A> element;
        private final int count;
        private final String name;

        ArrayOf(Scalar<?, A> element, int count) {
            if (element.kind == Kind.AUTO) {
                throw new IllegalArgumentException("auto cannot be an array element: give the element type");
            }
            this.element = element;
            this.count = count;
            this.name = element.name + (count < 0 ? "[]" : "[" + count + "]");
        }

        /** @return the element type */
        public Scalar<?, A> element() {
            return element;
        }

        /** @return the number of elements, or -1 when the device decides */
        public int count() {
            return count;
        }

        @Override
        public Kind kind() {
            return element.kind;
        }

        @Override
        public boolean isArray() {
            return true;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Class<A> javaType() {
            return (Class<A>) element.kind.arrayType;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public A convert(Object value) {
            return javaType().cast(Values.convertArray(this, value));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ArrayOf<?> a && a.element.equals(element) && a.count == count;
        }

        @Override
        public int hashCode() {
            return element.hashCode() * 17 + count;
        }
    }
}
