package dev.otsdk.internal;

import dev.otsdk.api.DeviceException;
import dev.otsdk.api.Status;
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
 * {@code allOf}, and the hop to the callback threads folded into the final completion.
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
        Job<TagValue<?>, R> job = new Job<>(new TagValue<?>[tags.size()], finish, completeOn);
        if (tags.isEmpty()) {
            job.expect(1);
            job.done();
            return job.result;
        }
        List<? extends PlannedRead> plans = c.planner().planReads(tags);
        int planned = 0;
        for (PlannedRead p : plans) {
            planned += p.tags().size();
        }
        checkCoverage(planned, tags.size(), "read");
        job.expect(plans.size());
        for (PlannedRead p : plans) {
            readPlan(c, p, job, true);
        }
        return job.result;
    }

    private void readPlan(DriverConnection c, PlannedRead plan, Job<TagValue<?>, ?> job, boolean retrySingly) {
        call(c, () -> c.read(plan), () -> "read " + describe(plan.tags(), BoundTag::tag)).whenComplete((values, err) -> {
            if (err == null) {
                if (values.size() != plan.tags().size()) {
                    job.fail(new IllegalStateException("driver returned " + values.size() + " values for "
                            + plan.tags().size() + " tags"));
                    return;
                }
                for (int i = 0; i < values.size(); i++) {
                    job.out[plan.tags().get(i).index()] = values.get(i);
                }
                job.done();
                return;
            }
            Throwable cause = Timeouts.unwrap(err);
            if (!(cause instanceof DeviceException de)) {
                job.fail(cause);
                return;
            }
            if (retrySingly && plan.tags().size() > 1) {
                List<PlannedRead> singles = new ArrayList<>();
                for (BoundTag t : plan.tags()) {
                    singles.addAll(c.planner().planReads(List.of(t)));
                }
                job.expect(singles.size() - 1); // they replace this plan
                for (PlannedRead single : singles) {
                    readPlan(c, single, job, false);
                }
                return;
            }
            for (BoundTag t : plan.tags()) {
                job.out[t.index()] = t.bad(de.status(), io.clock().instant());
            }
            job.done();
        });
    }

    /**
     * Writes values whose {@code index} values are 0..n-1.
     *
     * @param finish turns the statuses (in index order) into the result
     * @param completeOn where to complete the result, or {@code null} for the completing thread
     */
    <R> CompletableFuture<R> write(DriverConnection c, List<BoundWrite> writes, Function<List<Status>, R> finish,
            Executor completeOn) {
        Job<Status, R> job = new Job<>(new Status[writes.size()], finish, completeOn);
        if (writes.isEmpty()) {
            job.expect(1);
            job.done();
            return job.result;
        }
        List<? extends PlannedWrite> plans = c.planner().planWrites(writes);
        int planned = 0;
        for (PlannedWrite p : plans) {
            planned += p.writes().size();
        }
        checkCoverage(planned, writes.size(), "write");
        job.expect(plans.size());
        for (PlannedWrite p : plans) {
            writePlan(c, p, job, true);
        }
        return job.result;
    }

    private void writePlan(DriverConnection c, PlannedWrite plan, Job<Status, ?> job, boolean retrySingly) {
        call(c, () -> c.write(plan), () -> "write " + describe(plan.writes(), BoundWrite::tag))
                .whenComplete((statuses, err) -> {
                    if (err == null) {
                        if (statuses.size() != plan.writes().size()) {
                            job.fail(new IllegalStateException("driver returned " + statuses.size()
                                    + " statuses for " + plan.writes().size() + " writes"));
                            return;
                        }
                        for (int i = 0; i < statuses.size(); i++) {
                            job.out[plan.writes().get(i).index()] = statuses.get(i);
                        }
                        job.done();
                        return;
                    }
                    Throwable cause = Timeouts.unwrap(err);
                    if (!(cause instanceof DeviceException de)) {
                        job.fail(cause);
                        return;
                    }
                    if (retrySingly && plan.writes().size() > 1) {
                        List<PlannedWrite> singles = new ArrayList<>();
                        for (BoundWrite w : plan.writes()) {
                            singles.addAll(c.planner().planWrites(List.of(w)));
                        }
                        job.expect(singles.size() - 1); // they replace this plan
                        for (PlannedWrite single : singles) {
                            writePlan(c, single, job, false);
                        }
                        return;
                    }
                    for (BoundWrite w : plan.writes()) {
                        job.out[w.index()] = de.status();
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

    private static void checkCoverage(int planned, int requested, String what) {
        if (planned != requested) {
            throw new IllegalStateException("planner covered " + planned + " of " + requested + " tags to " + what);
        }
    }

    private static <X> String describe(List<X> items, Function<X, Object> tag) {
        if (items.size() == 1) {
            return String.valueOf(tag.apply(items.get(0)));
        }
        return items.size() + " tags from " + tag.apply(items.get(0));
    }

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
