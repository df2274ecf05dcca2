package dev.otsdk.api;

/**
 * Receives a subscription's events. Callbacks for one subscription never overlap and arrive in order;
 * they run on the client's callback threads, never on I/O threads. A slow listener delays only its own
 * subscription: its undelivered events are buffered (see {@link SubscriptionOptions#bufferSize(int)})
 * and the oldest are dropped with a {@link Gap} when the buffer is full.
 */
@FunctionalInterface
public interface SubscriptionListener {

    /**
     * A tag's value changed (or, right after subscribing and after a gap, its current value).
     *
     * @param value the value
     */
    void onValue(TagValue<?> value);

    /**
     * Changes may have been missed.
     *
     * @param gap when and why
     */
    default void onGap(Gap gap) {
    }

    /**
     * The subscription failed and has ended, e.g. the session closed for good or re-creating it on the
     * server failed permanently.
     *
     * @param error why
     */
    default void onError(OtException error) {
    }
}
