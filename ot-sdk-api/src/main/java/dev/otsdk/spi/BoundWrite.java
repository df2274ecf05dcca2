package dev.otsdk.spi;

import dev.otsdk.api.Tag;
import java.util.Objects;

/**
 * One write of a request with its parsed address and position. The value has already been converted to
 * the address's type (for {@code AUTO} tags of drivers that only learn the type from the device, it is
 * the caller's value as given).
 *
 * @param index position in the caller's request
 * @param tag the tag
 * @param address the driver's parsed address
 * @param value the value to write
 */
public record BoundWrite(int index, Tag<?> tag, TagAddress address, Object value) {

    /**
     * Validates the components.
     *
     * @param index the position
     * @param tag the tag
     * @param address the address
     * @param value the value
     */
    public BoundWrite {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(value, "value");
    }

    /**
     * The driver's address, typed.
     *
     * @param type the driver's address class
     * @param <A> the address type
     * @return the address
     */
    public <A extends TagAddress> A address(Class<A> type) {
        return type.cast(address);
    }
}
