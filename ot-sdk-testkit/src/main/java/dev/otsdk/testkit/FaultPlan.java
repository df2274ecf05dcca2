package dev.otsdk.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The faults a test has planned for one emulator: an ordered, thread-safe list of {@link FaultRule}s.
 * The test adds rules; the emulator asks {@link #next(FaultPoint, Object)} at each {@link FaultPoint}
 * and applies what it gets, usually through the testkit's fault runner on the connection's event loop.
 *
 * <pre>{@code
 * plc.faults().once(FaultPoint.ON_REPLY_WRITE, r -> r.function() == 3, Fault.dropMidFrame(5));
 * plc.faults().always(FaultPoint.ON_REPLY_WRITE, Fault.delay(Duration.ofMillis(20)));
 * }</pre>
 *
 * <p>Rules are tried in the order they were added; the first that matches fires and counts down, and
 * an exhausted rule is removed. Predicates run while the plan is locked, on the emulator's event loop:
 * keep them quick and free of side effects.
 *
 * @param <R> the emulator's recorded request type, which predicates test
 */
public final class FaultPlan<R> {

    private static final Predicate<Object> ANY = request -> true;

    private final List<FaultRule<R>> rules = new ArrayList<>();
    /** Whether {@link #rules} is empty, readable without the lock on every request. */
    private volatile boolean empty = true;

    /** Creates an empty plan. */
    public FaultPlan() {
    }

    /**
     * Injects a fault at the next exchange that reaches a point.
     *
     * @param point where to inject
     * @param fault what to inject; must be {@linkplain FaultPoint#supports(Fault) supported} there
     * @return the rule added
     */
    public FaultRule<R> once(FaultPoint point, Fault fault) {
        return add(point, ANY, fault, 1);
    }

    /**
     * Injects a fault at the next matching request that reaches a point.
     *
     * @param point where to inject; not {@link FaultPoint#ON_CONNECT}, which has no request
     * @param when which requests it applies to
     * @param fault what to inject; must be {@linkplain FaultPoint#supports(Fault) supported} there
     * @return the rule added
     */
    public FaultRule<R> once(FaultPoint point, Predicate<? super R> when, Fault fault) {
        return add(point, when, fault, 1);
    }

    /**
     * Injects a fault at the next {@code n} exchanges that reach a point.
     *
     * @param n how many times, at least 1
     * @param point where to inject
     * @param fault what to inject; must be {@linkplain FaultPoint#supports(Fault) supported} there
     * @return the rule added
     */
    public FaultRule<R> times(int n, FaultPoint point, Fault fault) {
        return add(point, ANY, fault, n);
    }

    /**
     * Injects a fault at the next {@code n} matching requests that reach a point.
     *
     * @param n how many times, at least 1
     * @param point where to inject; not {@link FaultPoint#ON_CONNECT}, which has no request
     * @param when which requests it applies to
     * @param fault what to inject; must be {@linkplain FaultPoint#supports(Fault) supported} there
     * @return the rule added
     */
    public FaultRule<R> times(int n, FaultPoint point, Predicate<? super R> when, Fault fault) {
        return add(point, when, fault, n);
    }

    /**
     * Injects a fault at every exchange that reaches a point, until the rule is removed.
     *
     * @param point where to inject
     * @param fault what to inject; must be {@linkplain FaultPoint#supports(Fault) supported} there
     * @return the rule added
     */
    public FaultRule<R> always(FaultPoint point, Fault fault) {
        return add(point, ANY, fault, FaultRule.UNLIMITED);
    }

    /**
     * Injects a fault at every matching request that reaches a point, until the rule is removed.
     *
     * @param point where to inject; not {@link FaultPoint#ON_CONNECT}, which has no request
     * @param when which requests it applies to
     * @param fault what to inject; must be {@linkplain FaultPoint#supports(Fault) supported} there
     * @return the rule added
     */
    public FaultRule<R> always(FaultPoint point, Predicate<? super R> when, Fault fault) {
        return add(point, when, fault, FaultRule.UNLIMITED);
    }

    /**
     * Removes a rule.
     *
     * @param rule a rule returned by this plan
     * @return whether it was still in the plan
     */
    public synchronized boolean remove(FaultRule<R> rule) {
        boolean removed = rules.remove(rule);
        empty = rules.isEmpty();
        return removed;
    }

    /** Removes every rule. */
    public synchronized void clear() {
        rules.clear();
        empty = true;
    }

    /**
     * Tells whether no rule can fire, so an emulator can skip fault handling (and the request copies it
     * needs) on its common path. Cheap: no lock.
     *
     * @return whether the plan has no rules
     */
    public boolean isEmpty() {
        return empty;
    }

    /**
     * Returns the rules that can still fire, in the order they are tried.
     *
     * @return an immutable snapshot
     */
    public synchronized List<FaultRule<R>> rules() {
        return List.copyOf(rules);
    }

    /**
     * Called by the emulator when a request reaches a point: fires the first matching rule.
     *
     * @param point where the exchange is; not {@link FaultPoint#ON_CONNECT} (see {@link #nextOnConnect()})
     * @param request the recorded request
     * @return the fault to apply, or empty to behave normally
     */
    public Optional<Fault> next(FaultPoint point, R request) {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(request, "request");
        if (point == FaultPoint.ON_CONNECT) {
            throw new IllegalArgumentException("ON_CONNECT has no request: call nextOnConnect()");
        }
        return fire(point, request);
    }

    /**
     * Called by the emulator when it accepts a connection: fires the first {@link FaultPoint#ON_CONNECT}
     * rule.
     *
     * @return the fault to apply, or empty to behave normally
     */
    public Optional<Fault> nextOnConnect() {
        return fire(FaultPoint.ON_CONNECT, null);
    }

    private synchronized Optional<Fault> fire(FaultPoint point, R request) {
        for (Iterator<FaultRule<R>> it = rules.iterator(); it.hasNext(); ) {
            FaultRule<R> rule = it.next();
            if (rule.matches(point, request)) {
                rule.consume();
                if (rule.isExhausted()) {
                    it.remove();
                    empty = rules.isEmpty();
                }
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }

    private synchronized FaultRule<R> add(FaultPoint point, Predicate<? super R> when, Fault fault, int times) {
        Objects.requireNonNull(point, "point");
        if (point == FaultPoint.ON_CONNECT && when != ANY) {
            throw new IllegalArgumentException("ON_CONNECT rules cannot have a predicate: there is no request yet");
        }
        FaultRule<R> rule = new FaultRule<>(point, when, fault, times);
        rules.add(rule);
        empty = false;
        return rule;
    }
}
