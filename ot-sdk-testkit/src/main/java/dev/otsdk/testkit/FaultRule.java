package dev.otsdk.testkit;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * One entry of a {@link FaultPlan}: at which point, for which requests, what fault, and how many more
 * times. Created by the plan's {@code once}, {@code times} and {@code always} methods; keep the
 * returned rule to check how often it fired or to remove it.
 *
 * @param <R> the emulator's recorded request type
 */
public final class FaultRule<R> {

    /** The {@link #remaining()} count of a rule that never runs out. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final FaultPoint point;
    private final Predicate<? super R> when;
    private final Fault fault;
    private final AtomicInteger remaining;
    private final AtomicInteger applied = new AtomicInteger();

    FaultRule(FaultPoint point, Predicate<? super R> when, Fault fault, int times) {
        this.point = Objects.requireNonNull(point, "point");
        this.when = Objects.requireNonNull(when, "when");
        this.fault = Objects.requireNonNull(fault, "fault");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        if (!point.supports(fault)) {
            throw new IllegalArgumentException(fault + " cannot be injected at " + point
                    + "; see FaultPoint." + point + " for the faults it accepts");
        }
        this.remaining = new AtomicInteger(times);
    }

    /**
     * Returns where the rule applies.
     *
     * @return the fault point
     */
    public FaultPoint point() {
        return point;
    }

    /**
     * Returns the fault the rule injects.
     *
     * @return the fault
     */
    public Fault fault() {
        return fault;
    }

    /**
     * Returns how many more times the rule will fire.
     *
     * @return the count left, or {@link #UNLIMITED}
     */
    public int remaining() {
        return remaining.get();
    }

    /**
     * Returns how many times the rule has fired.
     *
     * @return the number of matches consumed so far
     */
    public int timesApplied() {
        return applied.get();
    }

    /**
     * Tells whether the rule has fired as often as it was allowed to.
     *
     * @return whether it will never fire again
     */
    public boolean isExhausted() {
        return remaining.get() == 0;
    }

    /** Called by the plan under its lock. */
    boolean matches(FaultPoint at, R request) {
        return at == point && remaining.get() > 0 && (request == null || when.test(request));
    }

    /** Called by the plan under its lock, after {@link #matches}. */
    void consume() {
        applied.incrementAndGet();
        if (remaining.get() != UNLIMITED) {
            remaining.decrementAndGet();
        }
    }

    @Override
    public String toString() {
        return "FaultRule[" + point + ", " + fault + ", remaining="
                + (remaining() == UNLIMITED ? "unlimited" : remaining()) + "]";
    }
}
