package dev.otsdk.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How a subscription samples and reports. Immutable; each {@code with…} method returns a copy.
 *
 * <pre>{@code
 * SubscriptionOptions.every(Duration.ofMillis(100)).deadband(Deadband.absolute(0.5))
 * }</pre>
 *
 * <ul>
 *   <li>{@code interval}: how often values are sampled (OPC UA sampling interval; the polling period for
 *       protocols without native subscriptions).
 *   <li>{@code publishingInterval}: how often the server sends batches (OPC UA); defaults to the
 *       interval.
 *   <li>{@code deadband}: numeric change threshold.
 *   <li>{@code queueSize}: samples the server keeps per item between publishes (OPC UA monitored-item
 *       queue), with {@code discardOldest}. Polled subscriptions deliver every sample, so any size holds.
 *   <li>{@code changesOnly}: report only changes (default), or every sample.
 *   <li>{@code bufferSize}: undelivered events kept per subscription on the client before the oldest are
 *       dropped and a {@link Gap} with {@link Gap.Reason#BUFFER_OVERFLOW} is reported.
 * </ul>
 */
public final class SubscriptionOptions {

    private static final int DEFAULT_BUFFER = 10_000;

    private final Duration interval;
    private final Duration publishingInterval;
    private final Deadband deadband;
    private final int queueSize;
    private final boolean discardOldest;
    private final boolean changesOnly;
    private final int bufferSize;

    private SubscriptionOptions(Duration interval, Duration publishingInterval, Deadband deadband, int queueSize,
            boolean discardOldest, boolean changesOnly, int bufferSize) {
        this.interval = interval;
        this.publishingInterval = publishingInterval;
        this.deadband = deadband;
        this.queueSize = queueSize;
        this.discardOldest = discardOldest;
        this.changesOnly = changesOnly;
        this.bufferSize = bufferSize;
    }

    /**
     * Options sampling at an interval, reporting changes only, no deadband.
     *
     * @param interval the sampling interval, at least 1 ms
     * @return the options
     * @throws IllegalArgumentException if the interval is shorter than 1 ms
     */
    public static SubscriptionOptions every(Duration interval) {
        return new SubscriptionOptions(checkInterval(interval), null, Deadband.none(), 1, true, true, DEFAULT_BUFFER);
    }

    private static Duration checkInterval(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("interval must be at least 1ms, got " + interval);
        }
        return interval;
    }

    /**
     * @param deadband the deadband
     * @return a copy with this deadband
     */
    public SubscriptionOptions deadband(Deadband deadband) {
        return new SubscriptionOptions(interval, publishingInterval, Objects.requireNonNull(deadband, "deadband"),
                queueSize, discardOldest, changesOnly, bufferSize);
    }

    /**
     * @param publishingInterval how often the server sends notifications (OPC UA)
     * @return a copy with this publishing interval
     */
    public SubscriptionOptions publishingInterval(Duration publishingInterval) {
        return new SubscriptionOptions(interval, checkInterval(publishingInterval), deadband, queueSize, discardOldest,
                changesOnly, bufferSize);
    }

    /**
     * @param queueSize samples kept per item on the server between publishes, 1 or more
     * @return a copy with this queue size
     */
    public SubscriptionOptions queueSize(int queueSize) {
        if (queueSize < 1) {
            throw new IllegalArgumentException("queueSize must be at least 1, got " + queueSize);
        }
        return new SubscriptionOptions(interval, publishingInterval, deadband, queueSize, discardOldest, changesOnly,
                bufferSize);
    }

    /**
     * @param discardOldest when the server queue is full, drop the oldest sample (true) or the newest
     * @return a copy with this discard policy
     */
    public SubscriptionOptions discardOldest(boolean discardOldest) {
        return new SubscriptionOptions(interval, publishingInterval, deadband, queueSize, discardOldest, changesOnly,
                bufferSize);
    }

    /**
     * @param changesOnly report only changes (true, default) or every sample
     * @return a copy with this setting
     */
    public SubscriptionOptions changesOnly(boolean changesOnly) {
        return new SubscriptionOptions(interval, publishingInterval, deadband, queueSize, discardOldest, changesOnly,
                bufferSize);
    }

    /**
     * @param bufferSize undelivered events kept on the client per subscription, 1 or more
     * @return a copy with this buffer size
     */
    public SubscriptionOptions bufferSize(int bufferSize) {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be at least 1, got " + bufferSize);
        }
        return new SubscriptionOptions(interval, publishingInterval, deadband, queueSize, discardOldest, changesOnly,
                bufferSize);
    }

    /** @return the sampling interval */
    public Duration interval() {
        return interval;
    }

    /** @return the publishing interval; the sampling interval unless set */
    public Duration publishingInterval() {
        return publishingInterval != null ? publishingInterval : interval;
    }

    /** @return the deadband */
    public Deadband deadband() {
        return deadband;
    }

    /** @return the server-side queue size per item */
    public int queueSize() {
        return queueSize;
    }

    /** @return whether the server discards the oldest sample when its queue is full */
    public boolean discardOldest() {
        return discardOldest;
    }

    /** @return whether only changes are reported */
    public boolean changesOnly() {
        return changesOnly;
    }

    /** @return the client-side buffer size */
    public int bufferSize() {
        return bufferSize;
    }

    @Override
    public String toString() {
        return "SubscriptionOptions[interval=" + Durations.format(interval) + ", publishingInterval="
                + Durations.format(publishingInterval()) + ", deadband=" + deadband + ", queueSize=" + queueSize
                + ", discardOldest=" + discardOldest + ", changesOnly=" + changesOnly + ", bufferSize=" + bufferSize
                + "]";
    }
}
