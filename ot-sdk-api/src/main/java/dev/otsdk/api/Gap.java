package dev.otsdk.api;

import java.time.Instant;
import java.util.Objects;

/**
 * Changes between {@code from} and {@code to} may be missing. After a gap caused by the connection, the
 * subscription delivers the current value of every tag, whether it changed or not, so consumers can
 * resynchronise.
 *
 * @param from when the gap began (connection lost, first dropped event)
 * @param to when the gap ended (subscription live again, delivery resumed)
 * @param reason why
 * @param droppedEvents how many events were dropped for {@link Reason#BUFFER_OVERFLOW}, else 0
 * @param detail a readable detail, e.g. the error that dropped the connection
 */
public record Gap(Instant from, Instant to, Reason reason, long droppedEvents, String detail)
        implements SubscriptionEvent {

    /** Why changes may be missing. */
    public enum Reason {
        /** The connection was down; the subscription was restored after reconnecting. */
        CONNECTION_LOST,
        /** The server lost the subscription (e.g. session expired); the SDK re-created it. */
        SUBSCRIPTION_RECREATED,
        /** The consumer was slower than the changes: the oldest undelivered events were dropped. */
        BUFFER_OVERFLOW,
        /** The device or server reported that its own queue overflowed (OPC UA overflow bit). */
        DEVICE_QUEUE_OVERFLOW,
        /** Polled reads failed (e.g. timed out) while the connection stayed up; sampling has resumed. */
        SAMPLING_FAILED
    }

    /**
     * Validates the components.
     *
     * @param from when the gap began
     * @param to when the gap ended
     * @param reason why
     * @param droppedEvents dropped events, 0 if unknown or not applicable
     * @param detail readable detail, may be empty
     */
    public Gap {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
