package dev.otsdk.api;

import java.lang.reflect.Array;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One tag's value as read or as delivered by a subscription: the value, its {@link Quality}, the
 * protocol's {@link Status}, the source timestamp (when the device gives one), the server timestamp
 * (OPC UA) and when the SDK received it. Immutable; array values are not copied, so do not modify them.
 *
 * @param <T> the Java type of the value
 */
public final class TagValue<T> implements SubscriptionEvent {

    private final Tag<T> tag;
    private final T value;
    private final Quality quality;
    private final Status status;
    private final Instant sourceTime;
    private final Instant serverTime;
    private final Instant receivedTime;

    private TagValue(Tag<T> tag, T value, Quality quality, Status status, Instant sourceTime, Instant serverTime,
            Instant receivedTime) {
        this.tag = Objects.requireNonNull(tag, "tag");
        this.value = value;
        this.quality = Objects.requireNonNull(quality, "quality");
        this.status = Objects.requireNonNull(status, "status");
        this.sourceTime = sourceTime;
        this.serverTime = serverTime;
        this.receivedTime = Objects.requireNonNull(receivedTime, "receivedTime");
    }

    /**
     * A good value.
     *
     * @param tag the tag
     * @param value the value, of the tag's type
     * @param receivedTime when it was received
     * @param <T> the value type
     * @return the tag value
     */
    public static <T> TagValue<T> good(Tag<T> tag, T value, Instant receivedTime) {
        return new TagValue<>(tag, Objects.requireNonNull(value, "value"), Quality.GOOD, Status.GOOD, null, null,
                receivedTime);
    }

    /**
     * A value with no usable data, e.g. the device answered an error for this tag.
     *
     * @param tag the tag
     * @param status what the device answered
     * @param receivedTime when it was received
     * @param <T> the value type
     * @return the tag value
     */
    public static <T> TagValue<T> bad(Tag<T> tag, Status status, Instant receivedTime) {
        return new TagValue<>(tag, null, Quality.BAD, status, null, null, receivedTime);
    }

    /**
     * A value with every field given, as OPC UA delivers them.
     *
     * @param tag the tag
     * @param value the value, {@code null} if none
     * @param quality the quality
     * @param status the protocol status
     * @param sourceTime the device's timestamp, or {@code null}
     * @param serverTime the server's timestamp, or {@code null}
     * @param receivedTime when the SDK received it
     * @param <T> the value type
     * @return the tag value
     */
    public static <T> TagValue<T> of(Tag<T> tag, T value, Quality quality, Status status, Instant sourceTime,
            Instant serverTime, Instant receivedTime) {
        return new TagValue<>(tag, value, quality, status, sourceTime, serverTime, receivedTime);
    }

    /** @return the tag this value is for */
    public Tag<T> tag() {
        return tag;
    }

    /**
     * The value.
     *
     * @return the value, never {@code null}
     * @throws DeviceException if there is no value (quality BAD), carrying the device's status
     */
    public T value() {
        if (value == null) {
            throw new DeviceException("read " + tag, status);
        }
        return value;
    }

    /** @return the value, or {@code null} when there is none */
    public T valueOrNull() {
        return value;
    }

    /** @return whether a value is present (it may still be UNCERTAIN) */
    public boolean hasValue() {
        return value != null;
    }

    /** @return whether the quality is GOOD */
    public boolean isGood() {
        return quality == Quality.GOOD;
    }

    /** @return the quality */
    public Quality quality() {
        return quality;
    }

    /** @return the protocol status, {@link Status#GOOD} when all is well */
    public Status status() {
        return status;
    }

    /** @return the device's own timestamp, when the protocol carries one */
    public Optional<Instant> sourceTime() {
        return Optional.ofNullable(sourceTime);
    }

    /** @return the server's timestamp (OPC UA), when given */
    public Optional<Instant> serverTime() {
        return Optional.ofNullable(serverTime);
    }

    /** @return when the SDK received the value */
    public Instant receivedTime() {
        return receivedTime;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagValue<?> v && v.tag.equals(tag) && Objects.deepEquals(v.value, value)
                && v.quality == quality && v.status.equals(status) && Objects.equals(v.sourceTime, sourceTime)
                && Objects.equals(v.serverTime, serverTime) && v.receivedTime.equals(receivedTime);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, quality, status, receivedTime);
    }

    /** @return e.g. {@code holding:0:uint16 = 7 (GOOD)} */
    @Override
    public String toString() {
        return tag + " = " + render(value) + " (" + quality + (status.isGood() ? "" : ", " + status) + ")";
    }

    private static String render(Object value) {
        if (value == null) {
            return "<none>";
        }
        if (!value.getClass().isArray()) {
            return value.toString();
        }
        int n = Array.getLength(value);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (i == 32) {
                sb.append("… ").append(n - 32).append(" more");
                break;
            }
            sb.append(render(Array.get(value, i)));
        }
        return sb.append(']').toString();
    }
}
