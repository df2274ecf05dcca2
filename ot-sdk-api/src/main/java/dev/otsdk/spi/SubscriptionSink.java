package dev.otsdk.spi;

import dev.otsdk.api.Gap;
import dev.otsdk.api.OtException;
import dev.otsdk.api.TagValue;

/** Where a driver's native subscription delivers. Non-blocking; callable from any thread. */
public interface SubscriptionSink {

    /**
     * A new value.
     *
     * @param value the value
     */
    void value(TagValue<?> value);

    /**
     * Changes may have been missed (e.g. the server lost the subscription and the driver re-created it).
     *
     * @param gap when and why
     */
    void gap(Gap gap);

    /**
     * The subscription failed for good.
     *
     * @param error why
     */
    void failed(OtException error);
}
