package dev.otsdk.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How a session reconnects after its connection drops: exponential back-off with jitter, bounded by a
 * maximum delay and optionally a maximum number of attempts. Security failures (rejected certificate,
 * bad credentials) are never retried, because retrying cannot fix them and may lock accounts.
 *
 * <p>Delay before attempt {@code n} (1-based): {@code min(maxDelay, initialDelay × multiplier^(n-1))},
 * then scaled by a random factor in {@code [1 - jitter, 1 + jitter]}.
 *
 * @param enabled whether to reconnect at all
 * @param initialDelay delay before the first attempt
 * @param maxDelay upper bound of the delay
 * @param multiplier growth per attempt, at least 1
 * @param jitter 0..1, the random spread of each delay
 * @param maxAttempts attempts before the session gives up and closes; 0 for no limit
 */
public record ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay, double multiplier,
        double jitter, int maxAttempts) {

    private static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(true, Duration.ofMillis(200), Duration.ofSeconds(30), 2.0, 0.2, 0);
    private static final ReconnectPolicy DISABLED =
            new ReconnectPolicy(false, Duration.ofMillis(200), Duration.ofSeconds(30), 2.0, 0.2, 0);

    /**
     * Validates the components.
     *
     * @param enabled whether to reconnect
     * @param initialDelay delay before the first attempt
     * @param maxDelay upper bound, at least initialDelay
     * @param multiplier growth, at least 1
     * @param jitter 0..1
     * @param maxAttempts 0 (no limit) or more
     */
    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay, got " + initialDelay + " and "
                    + maxDelay);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be >= 1, got " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be 0..1, got " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must be >= 0, got " + maxAttempts);
        }
    }

    /** @return the default: 200 ms doubling up to 30 s, 20 % jitter, no attempt limit */
    public static ReconnectPolicy defaults() {
        return DEFAULT;
    }

    /** @return never reconnect: a dropped connection closes the session */
    public static ReconnectPolicy disabled() {
        return DISABLED;
    }

    /**
     * Exponential back-off with the default multiplier (2) and jitter (20 %).
     *
     * @param initialDelay delay before the first attempt
     * @param maxDelay upper bound of the delay
     * @return the policy
     */
    public static ReconnectPolicy exponential(Duration initialDelay, Duration maxDelay) {
        return new ReconnectPolicy(true, initialDelay, maxDelay, 2.0, 0.2, 0);
    }

    /**
     * @param maxAttempts attempts before giving up, 0 for no limit
     * @return a copy with this limit
     */
    public ReconnectPolicy withMaxAttempts(int maxAttempts) {
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, multiplier, jitter, maxAttempts);
    }

    /**
     * @param jitter 0..1
     * @return a copy with this jitter
     */
    public ReconnectPolicy withJitter(double jitter) {
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, multiplier, jitter, maxAttempts);
    }

    /**
     * @param multiplier growth per attempt, at least 1
     * @return a copy with this multiplier
     */
    public ReconnectPolicy withMultiplier(double multiplier) {
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, multiplier, jitter, maxAttempts);
    }

    /**
     * The delay before an attempt.
     *
     * @param attempt 1-based attempt number
     * @param random a uniform random number in [0, 1)
     * @return the delay, never more than {@code maxDelay × (1 + jitter)}
     */
    public Duration delayBefore(int attempt, double random) {
        double initial = nanos(initialDelay);
        // 0 × ∞ would be NaN once the power overflows: a zero initial delay stays zero
        double base = initial == 0 ? 0 : initial * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, nanos(maxDelay));
        double factor = 1 + jitter * (2 * random - 1);
        return Duration.ofNanos(Math.max(0L, Math.round(capped * factor)));
    }

    /** Nanoseconds, saturating: a "practically forever" maxDelay must not overflow {@code toNanos()}. */
    private static double nanos(Duration d) {
        return d.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L ? (double) Long.MAX_VALUE : d.toNanos();
    }
}
