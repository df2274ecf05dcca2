package dev.otsdk.api;

import java.util.Objects;

/**
 * What happened to one write: acknowledged ({@link Status#isGood()}) or refused with the device's
 * status.
 *
 * @param tag the tag written
 * @param status the device's answer
 */
public record WriteOutcome(Tag<?> tag, Status status) {

    /**
     * Validates the components.
     *
     * @param tag the tag written
     * @param status the device's answer
     */
    public WriteOutcome {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(status, "status");
    }

    /** @return whether the device acknowledged the write */
    public boolean isOk() {
        return status.isGood();
    }
}
