package dev.otsdk.spi;

import dev.otsdk.api.OtException;
import dev.otsdk.api.OtTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.collection.IntObjectMap;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Request/response correlation for one connection: a bounded window of requests in flight, a bounded
 * queue behind it, an id per request (Modbus transaction id, S7 PDU reference), and a timeout per
 * request that covers time queued and time in flight.
 *
 * <p>All state lives on the connection's event loop, so there are no locks: {@link #submit} may be
 * called from any thread and hops to the loop; every other method must be called on the loop (from
 * the channel's handlers).
 *
 * <p>A request that timed out while in flight may still be answered. Its id is quarantined, not
 * reused, until that late answer arrives; so a late answer is counted and dropped, and never delivered
 * to a newer request. If more than a quarter of the id space is quarantined the connection is
 * considered unhealthy and {@code onUnhealthy} runs (drivers close the channel, which reconnects).
 *
 * @param <Q> the request type
 * @param <R> the response type; should not hold buffers, decode before completing
 */
public final class InFlightWindow<Q, R> {

    /**
     * Writes a request to the wire with its id. Called on the event loop when a window slot is free.
     *
     * @param <Q> the request type
     */
    @FunctionalInterface
    public interface Transmitter<Q> {
        /**
         * Writes the request.
         *
         * @param id the id to put on the wire
         * @param request the request
         * @throws RuntimeException if it cannot be written; the request fails with it
         */
        void transmit(int id, Q request);
    }

    private final EventLoop loop;
    private final Transmitter<Q> transmitter;
    private final Function<Q, String> describe;
    private final Runnable onUnhealthy;
    private final int maxInFlight;
    private final int maxQueued;
    private final int firstId;
    private final int idCount;
    private final int quarantineLimit;

    private final IntObjectMap<Pending> inFlight = new IntObjectHashMap<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final BitSet quarantined;
    private int quarantinedCount;
    private int nextId;
    private Throwable closedCause;

    // Every request not yet answered, oldest first, linked through the requests themselves: O(1) to add
    // and remove, and never more than maxInFlight + maxQueued long. One sweep task per window, armed
    // for the earliest deadline, fails what is overdue: no timer entry per request.
    private Pending oldest;
    private Pending newest;
    private ScheduledFuture<?> sweep;
    private long sweepAt = Long.MAX_VALUE;

    private volatile long timeouts;
    private volatile long lateResponses;
    private volatile long strayResponses;
    private volatile int inFlightCount;
    private volatile int queuedCount;

    /**
     * Creates a window.
     *
     * @param loop the connection's event loop
     * @param transmitter writes a request with its id
     * @param describe describes a request for timeout messages, e.g. {@code "Modbus FC3 unit 1 @100 x10"}
     * @param onUnhealthy runs on the loop when too many ids are quarantined
     * @param maxInFlight requests on the wire at once, at least 1
     * @param maxQueued requests waiting for a slot before submits are refused
     * @param firstId the smallest id (Modbus: 0; S7: 1)
     * @param lastId the largest id (Modbus, S7: 65535)
     */
    public InFlightWindow(EventLoop loop, Transmitter<Q> transmitter, Function<Q, String> describe,
            Runnable onUnhealthy, int maxInFlight, int maxQueued, int firstId, int lastId) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.transmitter = Objects.requireNonNull(transmitter, "transmitter");
        this.describe = Objects.requireNonNull(describe, "describe");
        this.onUnhealthy = Objects.requireNonNull(onUnhealthy, "onUnhealthy");
        this.firstId = firstId;
        this.idCount = lastId - firstId + 1;
        if (maxInFlight < 1 || maxQueued < 0 || idCount < 4 || maxInFlight > idCount / 2) {
            throw new IllegalArgumentException("need 1 <= maxInFlight <= ids/2 and maxQueued >= 0; got maxInFlight="
                    + maxInFlight + ", maxQueued=" + maxQueued + ", ids=" + idCount);
        }
        this.maxInFlight = maxInFlight;
        this.maxQueued = maxQueued;
        this.quarantineLimit = idCount / 4;
        this.quarantined = new BitSet(idCount);
        this.nextId = firstId;
    }

    /**
     * Submits a request. It is transmitted when a slot is free and fails with an
     * {@link OtTimeoutException} if not answered within {@code timeout} of this call.
     *
     * @param request the request
     * @param timeout the deadline, counted from now
     * @return the response; or a failure: timeout, queue full, connection closed, transmit error
     */
    public CompletableFuture<R> submit(Q request, Duration timeout) {
        Pending p = new Pending(request, timeout);
        if (loop.inEventLoop()) {
            enqueue(p);
        } else {
            try {
                loop.execute(() -> enqueue(p));
            } catch (RejectedExecutionException e) {
                p.future.completeExceptionally(new OtException("the I/O threads are shut down", e));
            }
        }
        return p.future;
    }

    private void enqueue(Pending p) {
        if (closedCause != null) {
            p.future.completeExceptionally(closedCause);
            return;
        }
        if (inFlight.size() >= maxInFlight && queue.size() >= maxQueued) {
            p.future.completeExceptionally(new OtException("too many requests: " + maxInFlight + " in flight and "
                    + maxQueued + " queued; " + describe.apply(p.request) + " refused"));
            return;
        }
        link(p);
        if (inFlight.size() < maxInFlight) {
            transmit(p);
        } else {
            queue.add(p);
            queuedCount = queue.size();
        }
    }

    private void transmit(Pending p) {
        int id = allocateId();
        p.id = id;
        inFlight.put(id, p);
        inFlightCount = inFlight.size();
        try {
            transmitter.transmit(id, p.request);
        } catch (RuntimeException e) {
            inFlight.remove(id);
            inFlightCount = inFlight.size();
            unlink(p);
            p.future.completeExceptionally(e);
        }
    }

    private int allocateId() {
        for (int k = 0; k < idCount; k++) {
            int id = nextId;
            nextId = id + 1 - firstId >= idCount ? firstId : id + 1;
            if (!inFlight.containsKey(id) && !quarantined.get(id - firstId)) {
                return id;
            }
        }
        // Unreachable: maxInFlight <= ids/2 and quarantine is capped at ids/4 before onUnhealthy.
        throw new IllegalStateException("no free request id");
    }

    /**
     * The pending request with this id, for checking a response against it (unit id, function code).
     * Loop only.
     *
     * @param id the id from the response
     * @return the request, or {@code null} if none is pending with that id
     */
    public Q request(int id) {
        Pending p = inFlight.get(id);
        return p == null ? null : p.request;
    }

    /**
     * Completes the request with this id. Loop only.
     *
     * @param id the id from the response
     * @param response the decoded response
     * @return {@code false} if no request was pending with that id: the response was late (its request
     *     timed out) or stray, and has been counted; the caller drops it
     */
    public boolean complete(int id, R response) {
        Pending p = take(id);
        if (p == null) {
            return false;
        }
        p.future.complete(response);
        pump();
        return true;
    }

    /**
     * Fails the request with this id, e.g. with a device exception response. Loop only.
     *
     * @param id the id from the response
     * @param error the failure
     * @return {@code false} if no request was pending with that id (counted as late or stray)
     */
    public boolean fail(int id, Throwable error) {
        Pending p = take(id);
        if (p == null) {
            return false;
        }
        p.future.completeExceptionally(error);
        pump();
        return true;
    }

    private Pending take(int id) {
        Pending p = inFlight.remove(id);
        if (p == null) {
            if (id >= firstId && id - firstId < idCount && quarantined.get(id - firstId)) {
                quarantined.clear(id - firstId);
                quarantinedCount--;
                lateResponses++;
            } else {
                strayResponses++;
            }
            return null;
        }
        inFlightCount = inFlight.size();
        unlink(p);
        return p;
    }

    private void link(Pending p) {
        p.older = newest;
        if (newest == null) {
            oldest = p;
        } else {
            newest.newer = p;
        }
        newest = p;
        if (p.deadline - sweepAt < 0 || sweep == null) {
            arm(p.deadline);
        }
    }

    private void unlink(Pending p) {
        if (p.older == null) {
            oldest = p.newer;
        } else {
            p.older.newer = p.newer;
        }
        if (p.newer == null) {
            newest = p.older;
        } else {
            p.newer.older = p.older;
        }
        p.older = null;
        p.newer = null;
    }

    private void arm(long at) {
        if (sweep != null) {
            sweep.cancel(false);
        }
        sweepAt = at;
        sweep = loop.schedule(this::sweep, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Fails every overdue request and re-arms for the earliest remaining deadline. */
    private void sweep() {
        sweep = null;
        sweepAt = Long.MAX_VALUE;
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        boolean any = false;
        for (Pending p = oldest; p != null; ) {
            Pending newer = p.newer;
            if (p.deadline - now <= 0) {
                timedOut(p);
            } else if (!any || p.deadline - next < 0) {
                next = p.deadline;
                any = true;
            }
            p = newer;
        }
        if (any && sweep == null) {
            arm(next);
        }
    }

    private void timedOut(Pending p) {
        unlink(p);
        if (p.future.isDone()) {
            return;
        }
        if (p.id < 0) {
            queue.remove(p);
            queuedCount = queue.size();
        } else {
            inFlight.remove(p.id);
            inFlightCount = inFlight.size();
            quarantined.set(p.id - firstId);
            quarantinedCount++;
        }
        timeouts++;
        p.future.completeExceptionally(new OtTimeoutException(describe.apply(p.request), p.timeout));
        if (quarantinedCount > quarantineLimit) {
            onUnhealthy.run();
        }
        pump();
    }

    private void pump() {
        while (closedCause == null && inFlight.size() < maxInFlight && !queue.isEmpty()) {
            Pending next = queue.poll();
            queuedCount = queue.size();
            transmit(next);
        }
    }

    /**
     * Fails every pending and queued request and refuses new ones with {@code cause}; for when the
     * connection closed. Loop only. Idempotent (the first cause wins).
     *
     * @param cause e.g. a {@link dev.otsdk.api.ConnectionLostException}
     */
    public void failAll(Throwable cause) {
        if (closedCause == null) {
            closedCause = cause;
        }
        List<Pending> all = new ArrayList<>(inFlight.values());
        all.addAll(queue);
        inFlight.clear();
        queue.clear();
        oldest = null;
        newest = null;
        if (sweep != null) {
            sweep.cancel(false);
            sweep = null;
            sweepAt = Long.MAX_VALUE;
        }
        inFlightCount = 0;
        queuedCount = 0;
        quarantined.clear();
        quarantinedCount = 0;
        for (Pending p : all) {
            p.older = null;
            p.newer = null;
            p.future.completeExceptionally(closedCause);
        }
    }

    /** @return requests on the wire now */
    public int inFlight() {
        return inFlightCount;
    }

    /** @return requests waiting for a slot now */
    public int queued() {
        return queuedCount;
    }

    /** @return requests that timed out so far */
    public long timeouts() {
        return timeouts;
    }

    /** @return responses that arrived after their request timed out, dropped */
    public long lateResponses() {
        return lateResponses;
    }

    /** @return responses matching no request ever sent (or already answered), dropped */
    public long strayResponses() {
        return strayResponses;
    }

    private final class Pending {
        final Q request;
        final Duration timeout;
        final long deadline;
        final CompletableFuture<R> future = new CompletableFuture<>();
        int id = -1;
        Pending older;
        Pending newer;

        Pending(Q request, Duration timeout) {
            this.request = Objects.requireNonNull(request, "request");
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            this.deadline = System.nanoTime() + timeout.toNanos();
        }
    }
}
