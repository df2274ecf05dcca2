package dev.otsdk.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A session moved from one state to another.
 *
 * @param previous the state before
 * @param current the state now
 * @param at when
 * @param attempt for RECONNECTING, the number of the failed attempt that led here (0 for the drop)
 * @param cause why, e.g. the error that dropped the connection; {@code null} for normal transitions
 */
public record StateChange(SessionState previous, SessionState current, Instant at, int attempt, Throwable cause) {

    /**
     * Validates the components.
     *
     * @param previous the state before
     * @param current the state now
     * @param at when
     * @param attempt the attempt number, 0 or more
     * @param cause why, or {@code null}
     */
    public StateChange {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(at, "at");
    }

    /** @return the cause, if any */
    public Optional<Throwable> causeIfAny() {
        return Optional.ofNullable(cause);
    }
}
