package dev.otsdk.api;

import java.util.List;

/**
 * A running subscription. It survives reconnects of its session (reporting a {@link Gap}) and ends
 * when closed or when the session closes.
 */
public interface Subscription extends AutoCloseable {

    /** @return the subscribed tags */
    List<Tag<?>> tags();

    /** @return the options it was created with */
    SubscriptionOptions options();

    /** @return whether it is still delivering (not closed, session not closed) */
    boolean isActive();

    /** @return events dropped so far because the consumer was too slow */
    long droppedEvents();

    /** Stops the subscription; no callbacks start after this returns. Idempotent. */
    @Override
    void close();
}
