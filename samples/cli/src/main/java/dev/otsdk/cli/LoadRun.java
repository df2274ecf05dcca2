package dev.otsdk.cli;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Keeps N asynchronous requests in flight for a while and measures them; use once. Each of the N lanes
 * issues its next request from the completion of the previous one, so the concurrency is exact without
 * a semaphore. Requests that start during the warm-up, or end after the measured window, are not
 * counted.
 */
final class LoadRun {

    /** What one run measured. */
    record Result(long succeeded, Map<String, Long> errors, Duration measured, Histogram latencyMicros) {

        long requests() {
            return succeeded + errors.values().stream().mapToLong(Long::longValue).sum();
        }

        double requestsPerSecond() {
            double seconds = measured.toNanos() / 1e9;
            return seconds <= 0 ? 0 : requests() / seconds;
        }
    }

    private final Supplier<CompletableFuture<?>> request;
    private final int inFlight;
    private final CountDownLatch lanesDone;
    private final Recorder latencies = new Recorder(3);
    private final LongAdder succeeded = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile long measureFrom;
    private volatile long measureUntil;
    private volatile boolean stopping;

    /**
     * @param request starts one request; its future fails if the request failed
     * @param inFlight requests kept in flight
     */
    LoadRun(Supplier<CompletableFuture<?>> request, int inFlight) {
        this.request = request;
        this.inFlight = inFlight;
        this.lanesDone = new CountDownLatch(inFlight);
    }

    /**
     * Runs until the warm-up and the duration have passed or {@code stop} is triggered, then waits for
     * the requests still in flight (at most {@code drainLimit}).
     *
     * @param warmup time not measured at the start
     * @param duration time measured
     * @param drainLimit how long to wait for the last requests
     * @param stop Ctrl-C ends the run early, with what was measured so far
     * @return the measurements
     */
    Result run(Duration warmup, Duration duration, Duration drainLimit, StopSignal stop) {
        long start = System.nanoTime();
        measureFrom = start + warmup.toNanos();
        measureUntil = measureFrom + duration.toNanos();
        for (int i = 0; i < inFlight; i++) {
            lane();
        }
        if (stop.await(warmup.plus(duration))) {
            measureUntil = Math.min(measureUntil, System.nanoTime());
        }
        stopping = true;
        try {
            lanesDone.await(drainLimit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((type, n) -> errorCounts.put(type, n.sum()));
        Duration measured = Duration.ofNanos(Math.max(0, measureUntil - measureFrom));
        return new Result(succeeded.sum(), errorCounts, measured, latencies.getIntervalHistogram());
    }

    /** Issues requests one after the other; loops while they complete at once, chains while they do not. */
    private void lane() {
        while (true) {
            if (stopping || System.nanoTime() >= measureUntil) {
                lanesDone.countDown();
                return;
            }
            long started = System.nanoTime();
            CompletableFuture<?> f;
            try {
                f = request.get();
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            if (!f.isDone()) {
                f.whenComplete((v, e) -> {
                    record(started, e);
                    lane();
                });
                return;
            }
            record(started, f.handle((v, e) -> e).join());
        }
    }

    private void record(long started, Throwable error) {
        long ended = System.nanoTime();
        if (started < measureFrom || ended > measureUntil) {
            return;
        }
        if (error == null) {
            succeeded.increment();
            latencies.recordValue(Math.max(0, (ended - started) / 1_000));
        } else {
            errors.computeIfAbsent(ExitCode.unwrap(error).getClass().getSimpleName(), k -> new LongAdder())
                    .increment();
        }
    }
}
