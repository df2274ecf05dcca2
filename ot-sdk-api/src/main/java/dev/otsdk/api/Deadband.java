package dev.otsdk.api;

/**
 * How much a numeric value must change before a subscription reports it. Applies to numeric scalars
 * and, element by element, to numeric arrays; other types report every change.
 *
 * @param kind none, absolute or percent
 * @param value the threshold: units of the value for ABSOLUTE, percent of the engineering range for
 *     PERCENT
 */
public record Deadband(Kind kind, double value) {

    /** The deadband's kind. */
    public enum Kind {
        /** Every change is reported. */
        NONE,
        /** Report when {@code |new - last| > value}. */
        ABSOLUTE,
        /**
         * Report when the change exceeds {@code value} percent of the variable's engineering range (OPC UA
         * EURange). Needs a server that knows the range; polled subscriptions reject it.
         */
        PERCENT
    }

    private static final Deadband NONE = new Deadband(Kind.NONE, 0);

    /**
     * Validates the components.
     *
     * @param kind the kind
     * @param value the threshold, not negative; 0..100 for PERCENT
     */
    public Deadband {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("deadband must be a finite number >= 0, got " + value);
        }
        if (kind == Kind.PERCENT && value > 100) {
            throw new IllegalArgumentException("percent deadband must be 0..100, got " + value);
        }
    }

    /** @return no deadband: every change is reported */
    public static Deadband none() {
        return NONE;
    }

    /**
     * An absolute deadband.
     *
     * @param threshold minimum change, in the value's units
     * @return the deadband
     */
    public static Deadband absolute(double threshold) {
        return new Deadband(Kind.ABSOLUTE, threshold);
    }

    /**
     * A percent-of-range deadband (OPC UA).
     *
     * @param percent 0..100
     * @return the deadband
     */
    public static Deadband percent(double percent) {
        return new Deadband(Kind.PERCENT, percent);
    }
}
