package dev.otsdk.internal;

import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.Durations;
import dev.otsdk.api.Gap;
import dev.otsdk.api.SessionClosedException;
import dev.otsdk.api.SubscriptionOptions;
import dev.otsdk.api.TagValue;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.IoRuntime;
import dev.otsdk.spi.TagAddress;
import dev.otsdk.spi.Timeouts;
import io.netty.util.Timeout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions for protocols without native ones. Subscriptions with the same interval form a group;
 * each group ticks on the shared timer at a fixed rate and reads the union of its tags in one planned
 * (coalesced) read, deduplicated by address. A tick that finds the previous read still running is
 * skipped rather than queued. While disconnected, ticks do nothing; the first good read afterwards
 * reports a {@link Gap} and then every tag's current value.
 */
final class PollingEngine {

    private static final Logger LOG = LoggerFactory.getLogger(PollingEngine.class);

    private final IoRuntime io;
    private final Supplier<DriverConnection> connection;
    private final RequestRunner runner;
    private final String uri;
    private final Map<Long, Group> groups = new HashMap<>();
    private boolean closed;

    /**
     * @param connection the live connection, or {@code null} while not connected
     */
    PollingEngine(IoRuntime io, Supplier<DriverConnection> connection, RequestRunner runner, String uri) {
        this.io = io;
        this.connection = connection;
        this.runner = runner;
        this.uri = uri;
    }

    /** A polled subscription: the last reported value per tag decides what is a change. */
    static final class Polled {
        final List<BoundTag> tags;
        final SubscriptionOptions options;
        final EventDelivery delivery;
        private final TagValue<?>[] last;
        private boolean first = true;

        Polled(List<BoundTag> tags, SubscriptionOptions options, EventDelivery delivery) {
            this.tags = List.copyOf(tags);
            this.options = options;
            this.delivery = delivery;
            this.last = new TagValue<?>[tags.size()];
        }

        /** Called by one group read at a time. */
        void deliver(List<TagValue<?>> values, int[] positions, Gap gap) {
            boolean force = first || gap != null;
            if (gap != null && !first) {
                delivery.offer(gap);
            }
            first = false;
            for (int i = 0; i < last.length; i++) {
                TagValue<?> v = retag(tags.get(i), values.get(positions[i]));
                if (force || ChangeFilter.report(last[i], v, options)) {
                    last[i] = v;
                    delivery.offer(v);
                }
            }
        }

        private static TagValue<?> retag(BoundTag own, TagValue<?> v) {
            if (v.tag() == own.tag()) {
                return v;
            }
            return own.value(v.valueOrNull(), v.quality(), v.status(), v.sourceTime().orElse(null),
                    v.serverTime().orElse(null), v.receivedTime());
        }
    }

    Polled add(List<BoundTag> tags, SubscriptionOptions options, EventDelivery delivery) {
        Polled p = new Polled(tags, options, delivery);
        Group g;
        synchronized (this) {
            if (closed) {
                throw new SessionClosedException("session " + uri + " is closed", null);
            }
            g = groups.computeIfAbsent(options.interval().toNanos(), n -> new Group(options.interval()));
        }
        g.add(p);
        return p;
    }

    void remove(Polled p) {
        synchronized (this) {
            Group g = groups.get(p.options.interval().toNanos());
            if (g != null && g.remove(p)) {
                groups.remove(p.options.interval().toNanos());
            }
        }
    }

    void connected() {
        for (Group g : snapshot()) {
            g.poll();
        }
    }

    void disconnected(Instant at, Throwable cause) {
        for (Group g : snapshot()) {
            g.markGap(at, Gap.Reason.CONNECTION_LOST, cause == null ? "connection lost" : cause.getMessage());
        }
    }

    void close() {
        List<Group> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(groups.values());
            groups.clear();
        }
        all.forEach(Group::stop);
    }

    private synchronized List<Group> snapshot() {
        return new ArrayList<>(groups.values());
    }

    /** Subscriptions sharing one interval. */
    private final class Group {
        private final Duration interval;
        private final long intervalNanos;
        private final List<Polled> members = new ArrayList<>();
        private final long startNanos = System.nanoTime();
        private long ticks;
        private Timeout next;
        private boolean stopped;
        private boolean inProgress;
        private long overruns;
        private Plan plan;
        private Instant gapFrom;
        private Gap.Reason gapReason;
        private String gapDetail;

        Group(Duration interval) {
            this.interval = interval;
            this.intervalNanos = interval.toNanos();
            schedule(0);
        }

        synchronized void add(Polled p) {
            members.add(p);
            plan = null;
            if (!inProgress) {
                // New members get their first values now rather than after a full interval.
                io.callbackExecutor().execute(this::poll);
            }
        }

        /** @return whether the group is now empty and stopped */
        synchronized boolean remove(Polled p) {
            members.remove(p);
            plan = null;
            if (members.isEmpty()) {
                stop();
                return true;
            }
            return false;
        }

        synchronized void stop() {
            stopped = true;
            if (next != null) {
                next.cancel();
            }
        }

        synchronized void markGap(Instant at, Gap.Reason reason, String detail) {
            if (gapFrom == null) {
                gapFrom = at;
                gapReason = reason;
                gapDetail = detail == null ? "" : detail;
            }
        }

        private void schedule(long delayNanos) {
            try {
                next = io.timer().newTimeout(t -> tick(), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            } catch (IllegalStateException timerStopped) {
                stopped = true;
            }
        }

        private void tick() {
            synchronized (this) {
                if (stopped) {
                    return;
                }
                // Fixed rate: the next tick is due at start + k * interval; skip ticks that are already past.
                long now = System.nanoTime();
                ticks = Math.max(ticks + 1, (now - startNanos) / intervalNanos + 1);
                schedule(startNanos + ticks * intervalNanos - now);
            }
            poll();
        }

        void poll() {
            Plan p;
            DriverConnection c;
            synchronized (this) {
                if (stopped || members.isEmpty()) {
                    return;
                }
                if (inProgress) {
                    overruns++;
                    if (overruns % 100 == 1) {
                        LOG.debug("{}: polling every {} overran {} time(s): reads take longer than the interval",
                                uri, Durations.format(interval), overruns);
                    }
                    return;
                }
                c = connection.get();
                if (c == null) {
                    return;
                }
                if (plan == null) {
                    plan = Plan.of(members);
                }
                p = plan;
                inProgress = true;
            }
            CompletableFuture<List<TagValue<?>>> read;
            try {
                read = runner.read(c, p.union, values -> values, null);
            } catch (RuntimeException e) {
                read = CompletableFuture.failedFuture(e);
            }
            read.whenComplete((values, err) -> completed(p, values, err));
        }

        private void completed(Plan p, List<TagValue<?>> values, Throwable err) {
            Gap gap = null;
            synchronized (this) {
                inProgress = false;
                if (stopped) {
                    return;
                }
                Instant now = io.clock().instant();
                if (err != null) {
                    Throwable cause = Timeouts.unwrap(err);
                    if (!(cause instanceof ConnectionLostException) && !(cause instanceof SessionClosedException)) {
                        LOG.debug("{}: polled read failed: {}", uri, cause.toString());
                        markGap(now, Gap.Reason.SAMPLING_FAILED, cause.getMessage());
                    }
                    return;
                }
                if (gapFrom != null) {
                    gap = new Gap(gapFrom, now, gapReason, 0, gapDetail);
                    gapFrom = null;
                }
            }
            for (int m = 0; m < p.members.size(); m++) {
                p.members.get(m).deliver(values, p.positions[m], gap);
            }
        }
    }

    /** The union of a group's tags (deduplicated by address) and where each member's tags are in it. */
    private record Plan(List<Polled> members, List<BoundTag> union, int[][] positions) {
        static Plan of(List<Polled> members) {
            Map<Object, Integer> seen = new LinkedHashMap<>();
            List<BoundTag> union = new ArrayList<>();
            int[][] positions = new int[members.size()][];
            for (int m = 0; m < members.size(); m++) {
                List<BoundTag> tags = members.get(m).tags;
                positions[m] = new int[tags.size()];
                for (int i = 0; i < tags.size(); i++) {
                    BoundTag t = tags.get(i);
                    TagAddress key = t.address();
                    Integer at = seen.get(key);
                    if (at == null) {
                        at = union.size();
                        seen.put(key, at);
                        union.add(new BoundTag(at, t.tag(), key));
                    }
                    positions[m][i] = at;
                }
            }
            return new Plan(List.copyOf(members), List.copyOf(union), positions);
        }
    }
}
