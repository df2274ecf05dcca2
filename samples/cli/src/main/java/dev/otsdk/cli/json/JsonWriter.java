package dev.otsdk.cli.json;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal streaming JSON writer for one document at a time, enough for the CLI's JSON lines without a
 * JSON library.
 *
 * <p>{@link #value(Object)} maps Java values the way the CLI contract needs: numbers as JSON numbers
 * (NaN and infinities, which JSON cannot carry, as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}), booleans as booleans, arrays (primitive ones too) and iterables as arrays,
 * {@code byte[]} as a hex string, maps as objects, temporal values and durations as ISO-8601 strings,
 * and anything else as its {@code toString()}.
 */
public final class JsonWriter {

    private static final HexFormat HEX = HexFormat.of();
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder();
    /** Per nesting level: 'o' object, 'a' array; index 0 is the top level. */
    private char[] scopes = new char[16];
    /** Per nesting level: whether an element was written, so the next one needs a comma. */
    private boolean[] nonEmpty = new boolean[16];
    private int depth;
    private boolean afterName;

    /**
     * Writes one value as a complete JSON document.
     *
     * @param value any value {@link #value(Object)} accepts
     * @return its JSON text
     */
    public static String toJson(Object value) {
        return new JsonWriter().value(value).toString();
    }

    /**
     * Starts an object.
     *
     * @return this writer
     */
    public JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        push('o');
        return this;
    }

    /**
     * Ends the current object.
     *
     * @return this writer
     */
    public JsonWriter endObject() {
        pop('o');
        out.append('}');
        return this;
    }

    /**
     * Starts an array.
     *
     * @return this writer
     */
    public JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        push('a');
        return this;
    }

    /**
     * Ends the current array.
     *
     * @return this writer
     */
    public JsonWriter endArray() {
        pop('a');
        out.append(']');
        return this;
    }

    /**
     * Writes a member name; the next call must write its value.
     *
     * @param name the member name
     * @return this writer
     */
    public JsonWriter name(String name) {
        if (depth == 0 || scopes[depth] != 'o' || afterName) {
            throw new IllegalStateException("a member name belongs directly inside an object");
        }
        comma();
        string(name);
        out.append(':');
        afterName = true;
        return this;
    }

    /**
     * Writes a member: shorthand for {@code name(name).value(value)}.
     *
     * @param name the member name
     * @param value its value
     * @return this writer
     */
    public JsonWriter member(String name, Object value) {
        return name(name).value(value);
    }

    /**
     * Writes a value of any supported type (see the class description).
     *
     * @param value the value, may be {@code null}
     * @return this writer
     */
    public JsonWriter value(Object value) {
        if (value == null) {
            return literal("null");
        }
        if (value instanceof CharSequence || value instanceof Character) {
            beforeValue();
            string(value.toString());
            return this;
        }
        if (value instanceof Boolean b) {
            return literal(b.toString());
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof byte[] bytes) {
            return value(HEX.formatHex(bytes));
        }
        if (value.getClass().isArray()) {
            beginArray();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                value(Array.get(value, i));
            }
            return endArray();
        }
        if (value instanceof Iterable<?> items) {
            beginArray();
            for (Object item : items) {
                value(item);
            }
            return endArray();
        }
        if (value instanceof Map<?, ?> map) {
            beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                member(String.valueOf(e.getKey()), e.getValue());
            }
            return endObject();
        }
        if (value instanceof Optional<?> optional) {
            return value(optional.orElse(null));
        }
        if (value instanceof Enum<?> e) {
            return value(e.name());
        }
        // Instant, LocalDate, LocalTime, LocalDateTime, OffsetDateTime and Duration (PT1.5S) print as
        // ISO-8601 with toString(); anything else has no better form than its text either.
        return value(value.toString());
    }

    /** @return the JSON written so far */
    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return value(n.toString()); // "NaN", "Infinity", "-Infinity"
            }
            // Float.toString keeps a float's shortest form (21.5f → 21.5, 0.1f → 0.1, not 0.100000001…).
            return literal(n.toString());
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof BigDecimal) {
            return literal(n.toString());
        }
        // An unknown Number (AtomicLong, LongAdder, a driver's own type): its exact text if it is a number.
        String text = n.toString();
        try {
            new BigDecimal(text);
            return literal(text);
        } catch (NumberFormatException notANumber) {
            return value(text);
        }
    }

    private JsonWriter literal(String text) {
        beforeValue();
        out.append(text);
        return this;
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
                        unicodeEscape(c); // control characters; U+2028/9 break JavaScript readers
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(c); // a lone surrogate cannot be encoded as UTF-8
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private void unicodeEscape(char c) {
        out.append("\\u")
                .append(HEX_DIGITS[(c >> 12) & 0xF])
                .append(HEX_DIGITS[(c >> 8) & 0xF])
                .append(HEX_DIGITS[(c >> 4) & 0xF])
                .append(HEX_DIGITS[c & 0xF]);
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            if (out.length() > 0) {
                throw new IllegalStateException("one JSON document per writer: the top-level value is complete");
            }
            return;
        }
        if (scopes[depth] == 'o') {
            throw new IllegalStateException("a value inside an object needs a member name first");
        }
        comma();
    }

    private void comma() {
        if (nonEmpty[depth]) {
            out.append(',');
        }
        nonEmpty[depth] = true;
    }

    private void push(char scope) {
        depth++;
        if (depth == scopes.length) {
            scopes = Arrays.copyOf(scopes, depth * 2);
            nonEmpty = Arrays.copyOf(nonEmpty, depth * 2);
        }
        scopes[depth] = scope;
        nonEmpty[depth] = false;
    }

    private void pop(char scope) {
        if (depth == 0 || scopes[depth] != scope || afterName) {
            throw new IllegalStateException(afterName ? "a member name has no value"
                    : "no open " + (scope == 'o' ? "object" : "array") + " to end");
        }
        depth--;
    }
}
