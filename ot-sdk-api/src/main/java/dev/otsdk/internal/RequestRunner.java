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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs planned reads and writes on a connection and assembles one outcome per tag. When a request that
 * covers several tags is refused by the device, each of its tags is retried on its own, so only the
 * tag at fault ends up BAD. Every driver call gets a backstop timeout so nothing waits forever, even
 * with a driver that forgets its own.
 */
final class RequestRunner {

    private final IoRuntime io;
    private final Duration backstop;
    private final String uri;

    RequestRunner(IoRuntime io, Duration requestTimeout, String uri) {
        this.io = io;
        this.backstop = requestTimeout.multipliedBy(2).plusSeconds(1);
        this.uri = uri;
    }

    /**
     * @param tags bound tags whose {@code index} values are 0..n-1
     * @return values in index order
     */
    CompletableFuture<List<TagValue<?>>> read(DriverConnection c, List<BoundTag> tags) {
        TagValue<?>[] out = new TagValue<?>[tags.size()];
        List<? extends PlannedRead> plans = c.planner().planReads(tags);
        checkCoverage(plans.stream().mapToInt(p -> p.tags().size()).sum(), tags.size(), "read");
        List<CompletableFuture<Void>> all = new ArrayList<>(plans.size());
        for (PlannedRead plan : plans) {
            all.add(readPlan(c, plan, out, true));
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).thenApply(v -> Arrays.asList(out));
    }

    private CompletableFuture<Void> readPlan(DriverConnection c, PlannedRead plan, TagValue<?>[] out,
            boolean retrySingly) {
        return call(() -> c.read(plan), "read " + describe(plan.tags(), BoundTag::tag)).handle((values, err) -> {
            if (err == null) {
                if (values.size() != plan.tags().size()) {
                    throw new IllegalStateException("driver returned " + values.size() + " values for "
                            + plan.tags().size() + " tags");
                }
                for (int i = 0; i < values.size(); i++) {
                    out[plan.tags().get(i).index()] = values.get(i);
                }
                return CompletableFuture.<Void>completedFuture(null);
            }
            Throwable cause = Futures.unwrap(err);
            if (!(cause instanceof DeviceException de)) {
                return CompletableFuture.<Void>failedFuture(cause);
            }
            if (retrySingly && plan.tags().size() > 1) {
                List<CompletableFuture<Void>> singles = new ArrayList<>();
                for (BoundTag t : plan.tags()) {
                    for (PlannedRead single : c.planner().planReads(List.of(t))) {
                        singles.add(readPlan(c, single, out, false));
                    }
                }
                return CompletableFuture.allOf(singles.toArray(new CompletableFuture<?>[0]));
            }
            for (BoundTag t : plan.tags()) {
                out[t.index()] = t.bad(de.status(), io.clock().instant());
            }
            return CompletableFuture.<Void>completedFuture(null);
        }).thenCompose(Function.identity());
    }

    /**
     * @param writes bound writes whose {@code index} values are 0..n-1
     * @return statuses in index order
     */
    CompletableFuture<List<Status>> write(DriverConnection c, List<BoundWrite> writes) {
        Status[] out = new Status[writes.size()];
        List<? extends PlannedWrite> plans = c.planner().planWrites(writes);
        checkCoverage(plans.stream().mapToInt(p -> p.writes().size()).sum(), writes.size(), "write");
        List<CompletableFuture<Void>> all = new ArrayList<>(plans.size());
        for (PlannedWrite plan : plans) {
            all.add(writePlan(c, plan, out, true));
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).thenApply(v -> Arrays.asList(out));
    }

    private CompletableFuture<Void> writePlan(DriverConnection c, PlannedWrite plan, Status[] out,
            boolean retrySingly) {
        return call(() -> c.write(plan), "write " + describe(plan.writes(), BoundWrite::tag)).handle((statuses, err) -> {
            if (err == null) {
                if (statuses.size() != plan.writes().size()) {
                    throw new IllegalStateException("driver returned " + statuses.size() + " statuses for "
                            + plan.writes().size() + " writes");
                }
                for (int i = 0; i < statuses.size(); i++) {
                    out[plan.writes().get(i).index()] = statuses.get(i);
                }
                return CompletableFuture.<Void>completedFuture(null);
            }
            Throwable cause = Futures.unwrap(err);
            if (!(cause instanceof DeviceException de)) {
                return CompletableFuture.<Void>failedFuture(cause);
            }
            if (retrySingly && plan.writes().size() > 1) {
                List<CompletableFuture<Void>> singles = new ArrayList<>();
                for (BoundWrite w : plan.writes()) {
                    for (PlannedWrite single : c.planner().planWrites(List.of(w))) {
                        singles.add(writePlan(c, single, out, false));
                    }
                }
                return CompletableFuture.allOf(singles.toArray(new CompletableFuture<?>[0]));
            }
            for (BoundWrite w : plan.writes()) {
                out[w.index()] = de.status();
            }
            return CompletableFuture.<Void>completedFuture(null);
        }).thenCompose(Function.identity());
    }

    private <T> CompletableFuture<T> call(java.util.function.Supplier<CompletableFuture<T>> op, String what) {
        CompletableFuture<T> f;
        try {
            f = op.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return Futures.within(f, io.timer(), backstop, what + " on " + uri + " (driver backstop)");
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
}
