package dev.otsdk.api;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Conversions from caller-supplied values to {@link DataType} values, with range checks. */
final class Values {

    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private Values() {
    }

    static Object convertScalar(DataType.Scalar<?, ?> type, Object value) {
        if (value == null) {
            throw new ValueConversionException("null is not a valid value for " + type.name());
        }
        DataType.Kind kind = type.kind();
        return switch (kind) {
            case BOOL -> toBool(type, value);
            case INT8 -> (byte) integer(type, value, Byte.MIN_VALUE, Byte.MAX_VALUE);
            case UINT8 -> (short) integer(type, value, 0, 255);
            case INT16 -> (short) integer(type, value, Short.MIN_VALUE, Short.MAX_VALUE);
            case UINT16 -> (int) integer(type, value, 0, 65535);
            case INT32 -> (int) integer(type, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case UINT32 -> integer(type, value, 0, 0xFFFF_FFFFL);
            case INT64 -> integer(type, value, Long.MIN_VALUE, Long.MAX_VALUE);
            case UINT64 -> uint64(type, value);
            case FLOAT32 -> toFloat(type, value);
            case FLOAT64 -> toDouble(type, value);
            case STRING, WSTRING -> toText(type, value);
            case BYTES -> toBytes(type, value);
            case DATETIME -> toInstant(type, value);
            case DURATION, LTIME -> toDuration(type, value);
            case DATE -> temporal(type, value, LocalDate.class, LocalDate::parse);
            case TIME_OF_DAY -> temporal(type, value, LocalTime.class, LocalTime::parse);
            case DT, DTL -> temporal(type, value, LocalDateTime.class, LocalDateTime::parse);
            case AUTO -> value;
        };
    }

    static Object convertArray(DataType.ArrayOf<?> type, Object value) {
        if (value == null) {
            throw new ValueConversionException("null is not a valid value for " + type.name());
        }
        List<Object> elements = elements(type, value);
        if (type.count() >= 0 && elements.size() != type.count()) {
            throw new ValueConversionException(type.name() + " needs exactly " + type.count()
                    + " elements, got " + elements.size());
        }
        Object array = Array.newInstance(type.kind().arrayType().getComponentType(), elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object element;
            try {
                element = convertScalar(type.element(), elements.get(i));
            } catch (ValueConversionException e) {
                throw new ValueConversionException("element " + i + " of " + type.name() + ": " + e.getMessage());
            }
            Array.set(array, i, element);
        }
        return array;
    }

    private static List<Object> elements(DataType.ArrayOf<?> type, Object value) {
        List<Object> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            out.addAll(list);
        } else if (value.getClass().isArray() && !(type.kind() == DataType.Kind.BYTES && value instanceof byte[])) {
            int n = Array.getLength(value);
            for (int i = 0; i < n; i++) {
                out.add(Array.get(value, i));
            }
        } else if (value instanceof CharSequence cs) {
            String s = cs.toString().trim();
            if (s.startsWith("[") && s.endsWith("]")) {
                s = s.substring(1, s.length() - 1);
            }
            if (!s.isBlank()) {
                for (String part : s.split(",", -1)) {
                    String p = part.trim();
                    if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
                        p = p.substring(1, p.length() - 1);
                    }
                    out.add(p);
                }
            }
        } else {
            throw new ValueConversionException("expected an array or list for " + type.name() + ", got "
                    + value.getClass().getSimpleName() + " " + describe(value));
        }
        return out;
    }

    private static Boolean toBool(DataType<?> type, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && isIntegral(n)) {
            long l = n.longValue();
            if (l == 0 || l == 1) {
                return l == 1;
            }
        }
        if (value instanceof CharSequence cs) {
            switch (cs.toString().trim().toLowerCase(Locale.ROOT)) {
                case "true", "1", "on":
                    return true;
                case "false", "0", "off":
                    return false;
                default:
                    break;
            }
        }
        throw mismatch(type, value, "true/false, 1/0 or on/off");
    }

    private static long integer(DataType<?> type, Object value, long min, long max) {
        BigInteger v = toBigInteger(type, value);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ValueConversionException("value " + v + " is out of range for " + type.name() + " ("
                    + min + ".." + max + ")");
        }
        return v.longValue();
    }

    private static BigInteger uint64(DataType<?> type, Object value) {
        BigInteger v = toBigInteger(type, value);
        if (v.signum() < 0 || v.compareTo(UINT64_MAX) > 0) {
            throw new ValueConversionException("value " + v + " is out of range for " + type.name() + " (0.."
                    + UINT64_MAX + ")");
        }
        return v;
    }

    private static BigInteger toBigInteger(DataType<?> type, Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return b;
        }
        if (value instanceof Number n) {
            BigDecimal d;
            try {
                d = value instanceof BigDecimal bd ? bd : new BigDecimal(n.toString());
            } catch (NumberFormatException e) {
                throw mismatch(type, value, "a whole number");
            }
            BigInteger v = wholeNumber(type, value, d);
            if (v == null) {
                throw new ValueConversionException("value " + value + " is not a whole number, as " + type.name()
                        + " needs");
            }
            return v;
        }
        if (value instanceof CharSequence cs) {
            String s = cs.toString().trim().replace("_", "");
            String expected = "a whole number (decimal, 0x hex or 0b binary)";
            try {
                boolean negative = s.startsWith("-");
                String digits = negative || s.startsWith("+") ? s.substring(1) : s;
                int radix = digits.startsWith("0x") || digits.startsWith("0X") ? 16
                        : digits.startsWith("0b") || digits.startsWith("0B") ? 2 : 10;
                String body = radix == 10 ? digits : digits.substring(2);
                // one sign at most, and only in front: "--5", "-+5" and "0x-5" are typos, not numbers
                if (body.isEmpty() || body.charAt(0) == '+' || body.charAt(0) == '-') {
                    throw mismatch(type, value, expected);
                }
                BigInteger v = radix == 10 ? wholeNumber(type, value, new BigDecimal(body)) : new BigInteger(body, radix);
                if (v == null) {
                    throw mismatch(type, value, expected);
                }
                return negative ? v.negate() : v;
            } catch (NumberFormatException e) {
                throw mismatch(type, value, expected);
            }
        }
        throw mismatch(type, value, "a whole number");
    }

    private static Float toFloat(DataType<?> type, Object value) {
        double d = toDouble(type, value);
        if (!Double.isNaN(d) && !Double.isInfinite(d) && Math.abs(d) > Float.MAX_VALUE) {
            throw new ValueConversionException("value " + d + " is out of range for " + type.name());
        }
        return (float) d;
    }

    /**
     * The exact integer value of {@code d}, or {@code null} if it has a fraction. Magnitudes beyond any
     * integer type are rejected before they are expanded, so text like {@code 1e999999999} cannot make
     * the conversion allocate a gigantic number.
     */
    private static BigInteger wholeNumber(DataType<?> type, Object value, BigDecimal d) {
        if (d.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigDecimal stripped = d.stripTrailingZeros();
        if (stripped.scale() > 0) {
            return null;
        }
        if ((long) stripped.precision() - stripped.scale() > 40) {
            throw new ValueConversionException("value " + describeNumber(value) + " is out of range for "
                    + type.name());
        }
        return stripped.toBigIntegerExact();
    }

    private static String describeNumber(Object value) {
        return value instanceof CharSequence ? describe(value) : String.valueOf(value);
    }

    private static Double toDouble(DataType<?> type, Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isInfinite(d) && !(value instanceof Double || value instanceof Float)) {
                throw new ValueConversionException("value " + value + " is out of range for " + type.name());
            }
            return d;
        }
        if (value instanceof CharSequence cs) {
            String s = cs.toString().trim();
            switch (s.toLowerCase(Locale.ROOT)) {
                case "nan":
                    return Double.NaN;
                case "inf", "infinity", "+inf", "+infinity":
                    return Double.POSITIVE_INFINITY;
                case "-inf", "-infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
            double d;
            try {
                d = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw mismatch(type, value, "a number");
            }
            if (Double.isInfinite(d)) {
                // finite text too large for a double, e.g. 1e400; infinity itself is spelled out above
                throw new ValueConversionException("value " + s + " is out of range for " + type.name());
            }
            return d;
        }
        throw mismatch(type, value, "a number");
    }

    private static String toText(DataType.Scalar<?, ?> type, Object value) {
        if (!(value instanceof CharSequence cs)) {
            throw mismatch(type, value, "text");
        }
        String s = cs.toString();
        if (type.length() >= 0 && s.length() > type.length()) {
            throw new ValueConversionException("text of " + s.length() + " characters is longer than "
                    + type.name() + " allows (" + type.length() + ")");
        }
        return s;
    }

    private static byte[] toBytes(DataType.Scalar<?, ?> type, Object value) {
        byte[] bytes;
        if (value instanceof byte[] b) {
            bytes = b.clone();
        } else if (value instanceof CharSequence cs) {
            String hex = cs.toString().trim().replace(" ", "").replace(":", "");
            if (hex.startsWith("0x") || hex.startsWith("0X")) {
                hex = hex.substring(2);
            }
            try {
                bytes = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw mismatch(type, value, "hex bytes such as 0a1b2c");
            }
        } else {
            throw mismatch(type, value, "a byte[] or hex text");
        }
        if (type.length() >= 0 && bytes.length != type.length()) {
            throw new ValueConversionException(type.name() + " needs exactly " + type.length() + " bytes, got "
                    + bytes.length);
        }
        return bytes;
    }

    private static Instant toInstant(DataType<?> type, Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof CharSequence cs) {
            try {
                return Instant.parse(cs.toString().trim());
            } catch (DateTimeParseException e) {
                throw mismatch(type, value, "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            }
        }
        throw mismatch(type, value, "an Instant");
    }

    private static Duration toDuration(DataType<?> type, Object value) {
        if (value instanceof Duration d) {
            return d;
        }
        if (value instanceof CharSequence cs) {
            try {
                return Durations.parse(cs.toString());
            } catch (ConfigurationException e) {
                throw mismatch(type, value, "a duration such as 500ms, 2s or PT2S");
            }
        }
        throw mismatch(type, value, "a Duration");
    }

    private interface Parser<X> {
        X parse(CharSequence text);
    }

    private static <X> X temporal(DataType<?> type, Object value, Class<X> cls, Parser<X> parser) {
        if (cls.isInstance(value)) {
            return cls.cast(value);
        }
        if (value instanceof CharSequence cs) {
            try {
                return parser.parse(cs.toString().trim());
            } catch (DateTimeParseException e) {
                throw mismatch(type, value, "an ISO-8601 " + cls.getSimpleName());
            }
        }
        throw mismatch(type, value, "a " + cls.getSimpleName());
    }

    private static boolean isIntegral(Number n) {
        if (n instanceof Byte || n instanceof Short || n instanceof Integer || n instanceof Long
                || n instanceof BigInteger) {
            return true;
        }
        double d = n.doubleValue();
        return d == Math.rint(d) && !Double.isInfinite(d);
    }

    private static ValueConversionException mismatch(DataType<?> type, Object value, String expected) {
        return new ValueConversionException("cannot use " + value.getClass().getSimpleName() + " " + describe(value)
                + " as " + type.name() + ": expected " + expected);
    }

    static String describe(Object value) {
        if (value instanceof CharSequence) {
            String s = value.toString();
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        if (value != null && value.getClass().isArray()) {
            return "of length " + Array.getLength(value);
        }
        return String.valueOf(value);
    }
}
