package dev.otsdk.api;

import java.util.Objects;

/**
 * A value to write to a tag. Made with {@link #of(Tag, Object)} (type-checked at compile time) or
 * {@link #converting(Tag, Object)} (converted at run time, e.g. text from a command line).
 *
 * @param <T> the Java type of the value
 * @param tag the tag
 * @param value the value to write
 */
public record TagWrite<T>(Tag<T> tag, T value) {

    /**
     * Validates the components.
     *
     * @param tag the tag
     * @param value the value, not {@code null}
     */
    public TagWrite {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(value, () -> "value for " + tag);
    }

    /**
     * A write whose value already has the tag's type.
     *
     * @param tag the tag
     * @param value the value
     * @param <T> the value type
     * @return the write
     */
    public static <T> TagWrite<T> of(Tag<T> tag, T value) {
        return new TagWrite<>(tag, value);
    }

    /**
     * A write whose value is converted to the tag's type with {@link DataType#convert(Object)}; for
     * {@link DataType#AUTO} tags the driver converts it once it knows the address's type.
     *
     * @param tag the tag
     * @param value e.g. {@code "42"}, {@code 42L}, {@code "[1,2,3]"}
     * @param <T> the value type
     * @return the write
     * @throws ValueConversionException if the value does not fit the tag's type, naming the tag
     */
    public static <T> TagWrite<T> converting(Tag<T> tag, Object value) {
        try {
            return new TagWrite<>(tag, tag.type().convert(value));
        } catch (ValueConversionException e) {
            throw new ValueConversionException("write " + tag + ": " + e.getMessage());
        }
    }
}
