package dev.otsdk.spi;

import dev.otsdk.api.Quality;
import dev.otsdk.api.Status;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import java.time.Instant;
import java.util.Objects;

/**
 * A tag of a request together with its parsed address and its position in the caller's list.
 *
 * @param index position in the caller's request
 * @param tag the tag
 * @param address the driver's parsed address
 */
public record BoundTag(int index, Tag<?> tag, TagAddress address) {

    /**
     * Validates the components.
     *
     * @param index the position
     * @param tag the tag
     * @param address the address
     */
    public BoundTag {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(address, "address");
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

    /**
     * A GOOD value for this tag; checks that the driver decoded the tag's Java type.
     *
     * @param value the decoded value
     * @param receivedTime when it was received
     * @return the tag value
     */
    public TagValue<?> good(Object value, Instant receivedTime) {
        return goodTyped(tag, value, receivedTime);
    }

    /**
     * A value with all fields (OPC UA); checks that the driver decoded the tag's Java type.
     *
     * @param value the decoded value, or {@code null}
     * @param quality the quality
     * @param status the status
     * @param sourceTime device time or {@code null}
     * @param serverTime server time or {@code null}
     * @param receivedTime when it was received
     * @return the tag value
     */
    public TagValue<?> value(Object value, Quality quality, Status status, Instant sourceTime, Instant serverTime,
            Instant receivedTime) {
        return full(tag, value, quality, status, sourceTime, serverTime, receivedTime);
    }

    /**
     * A BAD value for this tag.
     *
     * @param status the device's status
     * @param receivedTime when it was received
     * @return the tag value
     */
    public TagValue<?> bad(Status status, Instant receivedTime) {
        return TagValue.bad(tag, status, receivedTime);
    }

    private static <T> TagValue<T> goodTyped(Tag<T> tag, Object value, Instant at) {
        return TagValue.good(tag, tag.type().cast(value), at);
    }

    private static <T> TagValue<T> full(Tag<T> tag, Object value, Quality quality, Status status, Instant sourceTime,
            Instant serverTime, Instant at) {
        return TagValue.of(tag, tag.type().cast(value), quality, status, sourceTime, serverTime, at);
    }
}
