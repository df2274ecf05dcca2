package dev.otsdk.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A typed data point: a protocol address, the {@link DataType} of its value and an optional name.
 * Immutable; tags are cheap to create and may be reused across sessions of the same protocol.
 *
 * <pre>{@code
 * Tag<Float> temp = Tag.of("DB1.DBD4", DataType.FLOAT32);
 * Tag<?> level = Tag.parse("holding:100:float32");
 * Tag<short[]> block = Tag.of("holding:0", DataType.INT16.array(10));
 * }</pre>
 *
 * <p>The address is checked by the session's driver when the tag is first used; a bad address fails
 * with a {@link TagAddressException} that names the position and what was expected.
 *
 * @param <T> the Java type of the value
 */
public final class Tag<T> {

    private final String address;
    private final DataType<T> type;
    private final String name;

    private Tag(String address, DataType<T> type, String name) {
        this.address = Objects.requireNonNull(address, "address");
        this.type = Objects.requireNonNull(type, "type");
        this.name = name;
        if (address.isBlank()) {
            throw new TagAddressException(address, 0, "an address");
        }
    }

    /**
     * A tag with an explicit type.
     *
     * @param address the protocol address, e.g. {@code holding:100}, {@code DB1.DBD4}, {@code ns=2;s=Temp}
     * @param type the value type
     * @param <T> the Java type of the value
     * @return the tag
     */
    public static <T> Tag<T> of(String address, DataType<T> type) {
        return new Tag<>(address, type, null);
    }

    /**
     * A tag whose type the driver chooses ({@link DataType#AUTO}).
     *
     * @param address the protocol address
     * @return the tag
     */
    public static Tag<Object> of(String address) {
        return new Tag<>(address, DataType.AUTO, null);
    }

    /**
     * Parses {@code address[:type][[count]]}, e.g. {@code holding:100:float32},
     * {@code DB1.DBW0:INT[10]}, {@code ns=2;s=Temperature}.
     *
     * <p>The text after the last {@code ':'} is taken as the type when it is a type's text form (see
     * {@link DataType#parse(String)}); otherwise the whole text is the address and the type is
     * {@link DataType#AUTO}. An address that itself ends in {@code :<type name>} can be written with an
     * explicit type, e.g. {@code ns=2;s=Motor:int16:auto}.
     *
     * @param spec the tag text
     * @return the tag
     * @throws TagAddressException if the type part is malformed, naming the position
     */
    public static Tag<?> parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String trimmed = spec.strip();
        if (trimmed.isEmpty()) {
            throw new TagAddressException(spec, 0, "an address such as holding:100 or DB1.DBW0");
        }
        int colon = trimmed.lastIndexOf(':');
        if (colon > 0 && colon < trimmed.length() - 1) {
            String candidate = trimmed.substring(colon + 1);
            if (looksLikeType(candidate)) {
                DataType<?> type = TypeSpecParser.parse(trimmed, candidate, colon + 1);
                return new Tag<>(trimmed.substring(0, colon), type, null);
            }
        } else if (colon == trimmed.length() - 1) {
            throw new TagAddressException(trimmed, colon + 1, "a type name after ':'");
        }
        return new Tag<>(trimmed, DataType.AUTO, null);
    }

    /** A type is a known name (any case, so a wrong case gets a helpful error) then ( ) or [ ] parts. */
    private static boolean looksLikeType(String candidate) {
        int i = 0;
        while (i < candidate.length() && (Character.isLetterOrDigit(candidate.charAt(i)) || candidate.charAt(i) == '_')) {
            i++;
        }
        if (i == 0 || !Character.isLetter(candidate.charAt(0))) {
            return false;
        }
        String name = candidate.substring(0, i);
        boolean known = false;
        for (String variant : new String[] {name, name.toLowerCase(java.util.Locale.ROOT),
            name.toUpperCase(java.util.Locale.ROOT)}) {
            try {
                DataType.named(variant);
                known = true;
                break;
            } catch (TagAddressException e) {
                // try the next spelling
            }
        }
        if (!known) {
            return false;
        }
        String rest = candidate.substring(i);
        return rest.isEmpty() || rest.charAt(0) == '(' || rest.charAt(0) == '[';
    }

    /**
     * This tag with a name, used in results and output instead of the address.
     *
     * @param name a name such as {@code "boiler temperature"}
     * @return a new tag
     */
    public Tag<T> named(String name) {
        return new Tag<>(address, type, Objects.requireNonNull(name, "name"));
    }

    /** @return the protocol address */
    public String address() {
        return address;
    }

    /** @return the value type */
    public DataType<T> type() {
        return type;
    }

    /** @return the name given with {@link #named(String)}, if any */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The text form {@code address[:type]}, which {@link #parse(String)} reads back to an equal tag (less
     * the name). An {@link DataType#AUTO} tag whose address would itself read as {@code address:type}
     * (or ends in {@code ':'}) gets the explicit {@code :auto} suffix.
     *
     * @return e.g. {@code holding:100:float32}, {@code ns=2;s=Motor:int16:auto}
     */
    public String spec() {
        if (type != DataType.AUTO) {
            return address + ":" + type.name();
        }
        int colon = address.lastIndexOf(':');
        boolean ambiguous = colon >= 0
                && (colon == address.length() - 1 || colon > 0 && looksLikeType(address.substring(colon + 1)));
        return ambiguous ? address + ":auto" : address;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tag<?> t && t.address.equals(address) && t.type.equals(type) && Objects.equals(t.name, name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, type, name);
    }

    /** @return the name if given, else {@link #spec()} */
    @Override
    public String toString() {
        return name != null ? name + " (" + spec() + ")" : spec();
    }
}
