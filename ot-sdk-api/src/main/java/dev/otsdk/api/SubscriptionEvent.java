package dev.otsdk.api;

/**
 * What a subscription delivers: a new {@link TagValue}, or a {@link Gap} saying that changes may have
 * been missed and why.
 */
public sealed interface SubscriptionEvent permits TagValue, Gap {
}
