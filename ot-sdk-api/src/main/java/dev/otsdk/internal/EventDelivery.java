package dev.otsdk.internal;

import dev.otsdk.api.Gap;
import dev.otsdk.api.OtException;
import dev.otsdk.api.SubscriptionEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one subscription's events to its consumer: in order, one at a time, on the shared callback
 * executor, honouring demand. Undelivered events are bounded: when the buffer is full the oldest is
 * dropped and a {@link Gap} with {@link Gap.Reason#BUFFER_OVERFLOW} goes out before the next event.
 * So a slow consumer delays only itself, and memory stays bounded.
 *
 * <p>Listeners use unbounded demand; {@code Flow.Subscriber}s request what they want.
 */
final class EventDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final int BATCH = 64;

    /** The consumer. Called serially. */
    interface Target {
        void start();

        void event(SubscriptionEvent event);

        void error(OtException error);

        void complete();
    }

    private final Executor executor;
    private final Clock clock;
    private final int capacity;
    private final Target target;

    private final ArrayDeque<SubscriptionEvent> queue = new ArrayDeque<>();
    private long demand;
    private boolean started;
    private boolean scheduled;
    private boolean cancelled;
    private boolean terminalRequested;
    private boolean terminated;
    private OtException error;
    private long pendingDropped;
    private Instant firstDropAt;
    private volatile long dropped;

    EventDelivery(Executor executor, Clock clock, int capacity, Target target, boolean unboundedDemand) {
        this.executor = executor;
        this.clock = clock;
        this.capacity = capacity;
        this.target = target;
        this.demand = unboundedDemand ? Long.MAX_VALUE : 0;
    }

    /** Starts delivery: the target's {@code start()} runs first, then events as demanded. */
    void begin() {
        schedule();
    }

    void offer(SubscriptionEvent event) {
        synchronized (this) {
            if (cancelled || terminalRequested) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.pollFirst();
                dropped++;
                pendingDropped++;
                if (firstDropAt == null) {
                    firstDropAt = clock.instant();
                }
            }
            queue.addLast(event);
        }
        schedule();
    }

    void request(long n) {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
        schedule();
    }

    /** Ends delivery after the queued events: {@code error == null} completes normally. */
    void finish(OtException failure) {
        synchronized (this) {
            if (cancelled || terminalRequested) {
                return;
            }
            terminalRequested = true;
            error = failure;
        }
        schedule();
    }

    /** Ends delivery now with an error, dropping queued events (Flow rule 3.9). */
    void failNow(OtException failure) {
        synchronized (this) {
            if (cancelled || terminalRequested) {
                return;
            }
            queue.clear();
            terminalRequested = true;
            error = failure;
        }
        schedule();
    }

    /** Stops delivery; nothing is delivered after the in-progress callback, if any. */
    void cancel() {
        synchronized (this) {
            cancelled = true;
            queue.clear();
        }
    }

    long dropped() {
        return dropped;
    }

    synchronized boolean isDone() {
        return cancelled || terminated;
    }

    private void schedule() {
        synchronized (this) {
            if (scheduled || cancelled || terminated) {
                return;
            }
            scheduled = true;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException closing) {
            synchronized (this) {
                scheduled = false;
                cancelled = true;
                queue.clear();
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            SubscriptionEvent next = null;
            boolean start = false;
            boolean terminal = false;
            synchronized (this) {
                if (cancelled) {
                    scheduled = false;
                    return;
                }
                if (!started) {
                    started = true;
                    start = true;
                } else if (demand > 0 && pendingDropped > 0) {
                    next = new Gap(firstDropAt, clock.instant(), Gap.Reason.BUFFER_OVERFLOW, pendingDropped,
                            pendingDropped + " event(s) dropped because the consumer was slower than the changes");
                    pendingDropped = 0;
                    firstDropAt = null;
                } else if (demand > 0 && !queue.isEmpty()) {
                    next = queue.pollFirst();
                } else if (terminalRequested && queue.isEmpty() && pendingDropped == 0) {
                    terminal = true;
                    terminated = true;
                } else {
                    scheduled = false;
                    return;
                }
                if (next != null && demand != Long.MAX_VALUE) {
                    demand--;
                }
            }
            try {
                if (start) {
                    target.start();
                } else if (terminal) {
                    if (error == null) {
                        target.complete();
                    } else {
                        target.error(error);
                    }
                    synchronized (this) {
                        scheduled = false;
                    }
                    return;
                } else {
                    target.event(next);
                }
            } catch (RuntimeException | Error e) {
                LOG.warn("subscription consumer threw; the subscription continues", e);
            }
        }
        synchronized (this) {
            scheduled = false;
        }
        schedule(); // more may be ready; yield the thread to other subscriptions first
    }
}
