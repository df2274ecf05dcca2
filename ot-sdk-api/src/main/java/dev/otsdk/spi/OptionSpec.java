package dev.otsdk.spi;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.Durations;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One URI query option a driver accepts: its name, type, range, default and a description used in
 * error messages and {@code otsdk} help.
 *
 * @param name the option name, case-sensitive, e.g. {@code unit}
 * @param type its type
 * @param defaultValue the default as text, or {@code null} if the option has none
 * @param description one sentence for people
 * @param min smallest allowed integer (INT only)
 * @param max largest allowed integer (INT only)
 * @param choices allowed values (CHOICE only), matched case-insensitively
 */
public record OptionSpec(String name, Type type, String defaultValue, String description, long min, long max,
        List<String> choices) {

    /** Option value types. */
    public enum Type {
        /** A whole number within [min, max], decimal or {@code 0x} hexadecimal. */
        INT,
        /** A duration such as {@code 500ms}. */
        DURATION,
        /** {@code true} or {@code false}. */
        BOOL,
        /** Any text. */
        STRING,
        /** One of a fixed set of words. */
        CHOICE
    }

    /**
     * Validates the components.
     *
     * @param name the name
     * @param type the type
     * @param defaultValue the default or {@code null}
     * @param description the description
     * @param min the minimum (INT)
     * @param max the maximum (INT)
     * @param choices the choices (CHOICE)
     */
    public OptionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
    }

    /**
     * An integer option.
     *
     * @param name the name
     * @param min smallest allowed
     * @param max largest allowed
     * @param defaultValue the default, or {@code null}
     * @param description one sentence
     * @return the spec
     */
    public static OptionSpec integer(String name, long min, long max, Long defaultValue, String description) {
        return new OptionSpec(name, Type.INT, defaultValue == null ? null : defaultValue.toString(), description, min,
                max, List.of());
    }

    /**
     * A duration option.
     *
     * @param name the name
     * @param defaultValue the default such as {@code 2s}, or {@code null}
     * @param description one sentence
     * @return the spec
     */
    public static OptionSpec duration(String name, String defaultValue, String description) {
        return new OptionSpec(name, Type.DURATION, defaultValue, description, 0, 0, List.of());
    }

    /**
     * A boolean option.
     *
     * @param name the name
     * @param defaultValue the default
     * @param description one sentence
     * @return the spec
     */
    public static OptionSpec bool(String name, boolean defaultValue, String description) {
        return new OptionSpec(name, Type.BOOL, Boolean.toString(defaultValue), description, 0, 0, List.of());
    }

    /**
     * A text option.
     *
     * @param name the name
     * @param defaultValue the default, or {@code null}
     * @param description one sentence
     * @return the spec
     */
    public static OptionSpec string(String name, String defaultValue, String description) {
        return new OptionSpec(name, Type.STRING, defaultValue, description, 0, 0, List.of());
    }

    /**
     * An option with a fixed set of values.
     *
     * @param name the name
     * @param choices the allowed values
     * @param defaultValue the default (one of the choices), or {@code null}
     * @param description one sentence
     * @return the spec
     */
    public static OptionSpec choice(String name, List<String> choices, String defaultValue, String description) {
        return new OptionSpec(name, Type.CHOICE, defaultValue, description, 0, 0, choices);
    }

    /**
     * Parses and checks a value.
     *
     * @param raw the text from the URI or {@code SessionOptions}
     * @param where the URI, for the message
     * @return an Integer/Long (INT, as Long), Duration, Boolean, String, or the canonical choice
     * @throws ConfigurationException naming the option, the value and what was expected
     */
    public Object parse(String raw, String where) {
        String v = raw.trim();
        switch (type) {
            case INT:
                try {
                    long n = parseInteger(v);
                    if (n < min || n > max) {
                        throw bad(raw, where, "an integer " + min + ".." + max);
                    }
                    return n;
                } catch (NumberFormatException e) {
                    throw bad(raw, where, "an integer " + min + ".." + max);
                }
            case DURATION:
                try {
                    return Durations.parse(v);
                } catch (ConfigurationException e) {
                    throw bad(raw, where, "a duration such as 500ms or 2s");
                }
            case BOOL:
                if (v.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                if (v.equalsIgnoreCase("false")) {
                    return Boolean.FALSE;
                }
                throw bad(raw, where, "true or false");
            case CHOICE:
                for (String c : choices) {
                    if (c.equalsIgnoreCase(v)) {
                        return c;
                    }
                }
                throw bad(raw, where, "one of " + String.join(", ", choices));
            case STRING:
            default:
                return raw;
        }
    }

    /**
     * Decimal, or hexadecimal with {@code 0x}. Not {@link Long#decode(String)}: a leading zero must not
     * turn {@code unit=010} into 8.
     */
    private static long parseInteger(String v) {
        boolean negative = v.startsWith("-");
        String body = negative || v.startsWith("+") ? v.substring(1) : v;
        int radix = 10;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            radix = 16;
            body = body.substring(2);
        }
        if (body.isEmpty() || body.charAt(0) == '+' || body.charAt(0) == '-') {
            throw new NumberFormatException(v);
        }
        return Long.parseLong(negative ? "-" + body : body, radix);
    }

    private ConfigurationException bad(String raw, String where, String expected) {
        return new ConfigurationException("option '" + name + "' in " + where + ": expected " + expected + ", got '"
                + raw + "'");
    }

    /** @return e.g. {@code unit (INT 0..255, default 1): the Modbus unit id} */
    @Override
    public String toString() {
        String range = switch (type) {
            case INT -> " " + min + ".." + max;
            case CHOICE -> " " + String.join("|", choices);
            default -> "";
        };
        return name + " (" + type.name().toLowerCase(Locale.ROOT) + range
                + (defaultValue == null ? "" : ", default " + defaultValue) + "): " + description;
    }
}
