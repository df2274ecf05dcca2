package dev.otsdk.internal;

import dev.otsdk.api.DeviceException;
import dev.otsdk.api.Status;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import dev.otsdk.spi.BoundTag;
import dev.otsdk.spi.BoundWrite;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.IoRuntime;
import dev.otsdk.spi.PlannedRead;
import dev.otsdk.spi.PlannedWrite;
import dev.otsdk.spi.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs planned reads and writes on a connection and assembles one outcome per tag. When a request that
 * covers several tags is refused by the device, each of its tags is retried on its own, so only the
 * tag at fault ends up BAD. Calls to drivers that do not enforce their own timeouts are watched by the
 * session's {@link Backstop}.
 *
 * <p>This is the hot path of every request: one result future per operation, a countdown instead of
 * {@code allOf}, and the hop to the callback threads folded into the final completion. Reads and writes
 * are the same algorithm over different items ({@link Ops}).
 */
final class RequestRunner {

    private final IoRuntime io;
    private final Backstop backstop;

    RequestRunner(IoRuntime io, Duration requestTimeout, String uri) {
        this.io = io;
        this.backstop = new Backstop(io.timer(), requestTimeout.multipliedBy(2).plusSeconds(1), uri);
    }

    /**
     * Reads tags whose {@code index} values are 0..n-1.
     *
     * @param finish turns the values (in index order) into the result
     * @param completeOn where to complete the result, or {@code null} for the completing thread
     */
    <R> CompletableFuture<R> read(DriverConnection c, List<BoundTag> tags, Function<List<TagValue<?>>, R> finish,
            Executor completeOn) {
        return run(c, tags, new Job<>(new TagValue<?>[tags.size()], finish, completeOn), reads);
    }

    /**
     * Writes values whose {@code index} values are 0..n-1.
     *
     * @param finish turns the statuses (in index order) into the result
     * @param completeOn where to complete the result, or {@code null} for the completing thread
     */
    <R> CompletableFuture<R> write(DriverConnection c, List<BoundWrite> writes, Function<List<Status>, R> finish,
            Executor completeOn) {
        return run(c, writes, new Job<>(new Status[writes.size()], finish, completeOn), WRITES);
    }

    private <P, I, O, R> CompletableFuture<R> run(DriverConnection c, List<I> items, Job<O, R> job,
            Ops<P, I, O> ops) {
        if (items.isEmpty()) {
            job.expect(1);
            job.done();
            return job.result;
        }
        List<? extends P> plans = ops.plan(c, items);
        int planned = 0;
        for (P p : plans) {
            planned += ops.items(p).size();
        }
        if (planned != items.size()) {
            throw new IllegalStateException("planner covered " + planned + " of " + items.size() + " tags");
        }
        job.expect(plans.size());
        for (P p : plans) {
            runPlan(c, p, job, ops, true);
        }
        return job.result;
    }

    private <P, I, O> void runPlan(DriverConnection c, P plan, Job<O, ?> job, Ops<P, I, O> ops, boolean retrySingly) {
        List<I> items = ops.items(plan);
        call(c, () -> ops.execute(c, plan), () -> ops.verb() + " " + describe(items, ops)).whenComplete((out, err) -> {
            if (err == null) {
                if (out.size() != items.size()) {
                    job.fail(new IllegalStateException("driver returned " + out.size() + " outcomes for "
                            + items.size() + " tags"));
                    return;
                }
                for (int i = 0; i < out.size(); i++) {
                    job.out[ops.index(items.get(i))] = out.get(i);
                }
                job.done();
                return;
            }
            Throwable cause = Timeouts.unwrap(err);
            if (!(cause instanceof DeviceException de)) {
                job.fail(cause);
                return;
            }
            if (retrySingly && items.size() > 1) {
                List<P> singles = new ArrayList<>();
                for (I item : items) {
                    singles.addAll(ops.plan(c, List.of(item)));
                }
                job.expect(singles.size() - 1); // they replace this plan
                for (P single : singles) {
                    runPlan(c, single, job, ops, false);
                }
                return;
            }
            for (I item : items) {
                job.out[ops.index(item)] = ops.refused(item, de.status());
            }
            job.done();
        });
    }

    private <T> CompletableFuture<T> call(DriverConnection c, java.util.function.Supplier<CompletableFuture<T>> op,
            java.util.function.Supplier<String> what) {
        try {
            CompletableFuture<T> f = op.get();
            return c.enforcesTimeouts() ? f : backstop.guard(f, what);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <I> String describe(List<I> items, Ops<?, I, ?> ops) {
        if (items.size() == 1) {
            return String.valueOf(ops.tag(items.get(0)));
        }
        return items.size() + " tags from " + ops.tag(items.get(0));
    }

    /** What differs between reads and writes. */
    private interface Ops<P, I, O> {
        String verb();

        List<? extends P> plan(DriverConnection c, List<I> items);

        List<I> items(P plan);

        CompletableFuture<List<O>> execute(DriverConnection c, P plan);

        int index(I item);

        Tag<?> tag(I item);

        /** The outcome of an item the device refused. */
        O refused(I item, Status status);
    }

    /** Reads: a refused tag becomes a BAD value stamped now. */
    private final Ops<PlannedRead, BoundTag, TagValue<?>> reads = new Ops<>() {
        @Override
        public String verb() {
            return "read";
        }

        @Override
        public List<? extends PlannedRead> plan(DriverConnection c, List<BoundTag> items) {
            return c.planner().planReads(items);
        }

        @Override
        public List<BoundTag> items(PlannedRead plan) {
            return plan.tags();
        }

        @Override
        public CompletableFuture<List<TagValue<?>>> execute(DriverConnection c, PlannedRead plan) {
            return c.read(plan);
        }

        @Override
        public int index(BoundTag item) {
            return item.index();
        }

        @Override
        public Tag<?> tag(BoundTag item) {
            return item.tag();
        }

        @Override
        public TagValue<?> refused(BoundTag item, Status status) {
            return item.bad(status, io.clock().instant());
        }
    };

    /** Writes: a refused write's outcome is the device's status. */
    private static final Ops<PlannedWrite, BoundWrite, Status> WRITES = new Ops<>() {
        @Override
        public String verb() {
            return "write";
        }

        @Override
        public List<? extends PlannedWrite> plan(DriverConnection c, List<BoundWrite> items) {
            return c.planner().planWrites(items);
        }

        @Override
        public List<BoundWrite> items(PlannedWrite plan) {
            return plan.writes();
        }

        @Override
        public CompletableFuture<List<Status>> execute(DriverConnection c, PlannedWrite plan) {
            return c.write(plan);
        }

        @Override
        public int index(BoundWrite item) {
            return item.index();
        }

        @Override
        public Tag<?> tag(BoundWrite item) {
            return item.tag();
        }

        @Override
        public Status refused(BoundWrite item, Status status) {
            return status;
        }
    };

    /** One read or write operation: its outcomes, the planned requests still running, its result. */
    private static final class Job<O, R> {
        final O[] out;
        final CompletableFuture<R> result = new CompletableFuture<>();
        private final Function<List<O>, R> finish;
        private final Executor completeOn;
        private final AtomicInteger remaining = new AtomicInteger();

        Job(O[] out, Function<List<O>, R> finish, Executor completeOn) {
            this.out = out;
            this.finish = finish;
            this.completeOn = completeOn;
        }

        void expect(int more) {
            remaining.addAndGet(more);
        }

        void done() {
            if (remaining.decrementAndGet() == 0) {
                R r;
                try {
                    r = finish.apply(Arrays.asList(out));
                } catch (RuntimeException e) {
                    fail(e);
                    return;
                }
                complete(() -> result.complete(r));
            }
        }

        void fail(Throwable t) {
            complete(() -> result.completeExceptionally(t));
        }

        private void complete(Runnable r) {
            if (completeOn == null) {
                r.run();
                return;
            }
            try {
                completeOn.execute(r);
            } catch (RejectedExecutionException closing) {
                r.run();
            }
        }
    }
}
