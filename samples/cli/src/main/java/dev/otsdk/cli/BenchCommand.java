package dev.otsdk.cli;

import dev.otsdk.api.Session;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import dev.otsdk.api.TagWrite;
import dev.otsdk.cli.json.JsonWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code otsdk bench <uri> <tag>}: requests per second and latency percentiles, as one JSON object. */
@Command(name = "bench",
        header = "Measure requests/s and latency percentiles of one tag.",
        description = {
            "Reads (or writes) the tag with N requests in flight, each issued when one",
            "completes, and prints one JSON object: requests, errors by exception class,",
            "requestsPerSecond and latencyMicros p50, p90, p99, p99.9 and max.",
            "The warm-up is not measured; latencies are of successful requests. A read that is not GOOD counts"
                    + " as a DeviceException. Ctrl-C ends early with what was measured."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success, no request failed", "1:some requests failed", ExitCode.LIST_USAGE,
            ExitCode.LIST_CONNECTION})
final class BenchCommand extends SessionCommand {

    @Mixin
    private HelpOption help;

    /** Requests end by themselves within their timeout; this only bounds the wait for the last ones. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(30);

    @Parameters(index = "0", paramLabel = "<uri>", description = "The device, e.g. modbus+tcp://127.0.0.1:5020")
    private String uri;

    @Parameters(index = "1", paramLabel = "<tag>", description = "The tag to read or write.")
    private String tagText;

    @Option(names = "--in-flight", defaultValue = "1", paramLabel = "<n>",
            description = "Requests kept in flight (default: ${DEFAULT-VALUE}).")
    private int inFlight;

    @Option(names = "--duration", defaultValue = "10s", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Measured time (default: ${DEFAULT-VALUE}).")
    private Duration duration;

    @Option(names = "--warmup", defaultValue = "2s", paramLabel = "<duration>", converter = DurationConverter.class,
            description = "Time before measuring, not counted (default: ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--write", paramLabel = "<value>", description = "Write this value instead of reading.")
    private String writeValue;

    @Override
    public Integer call() {
        if (inFlight < 1 || inFlight > 10_000) {
            throw new UsageException("--in-flight must be 1..10000, got " + inFlight);
        }
        if (duration.isZero()) {
            throw new UsageException("--duration must be more than zero");
        }
        Tag<?> tag = Tag.parse(tagText);
        TagWrite<?> write = writeValue == null ? null : TagWrite.converting(tag, writeValue);
        try (StopSignal stop = StopSignal.onShutdown(); Connection c = connect(uri)) {
            Session session = c.session();
            Supplier<CompletableFuture<?>> request = write == null ? () -> read(session, tag)
                    : () -> write(session, write);
            request.get().join(); // one probe, so a bad tag or a refused write fails like read/write do
            LoadRun.Result r = new LoadRun(request, inFlight).run(warmup, duration, DRAIN_LIMIT, stop);
            out().println(summary(write == null ? "read" : "write", r));
            out().flush();
            return r.errors().isEmpty() ? ExitCode.OK : ExitCode.NOT_GOOD;
        }
    }

    /** A read that is not GOOD fails like {@link TagValue#value()} does, so it counts as an error. */
    private static CompletableFuture<?> read(Session session, Tag<?> tag) {
        return session.readAsync(tag).thenApply(TagValue::value);
    }

    private static <T> CompletableFuture<?> write(Session session, TagWrite<T> w) {
        return session.writeAsync(w.tag(), w.value());
    }

    private String summary(String operation, LoadRun.Result r) {
        Histogram h = r.latencyMicros();
        boolean any = h.getTotalCount() > 0;
        JsonWriter json = new JsonWriter().beginObject()
                .member("uri", uri)
                .member("tag", tagText)
                .member("operation", operation)
                .member("inFlight", inFlight)
                .member("warmup", warmup)
                .member("duration", r.measured())
                .member("requests", r.requests())
                .member("succeeded", r.succeeded())
                .member("errors", r.errors())
                .member("requestsPerSecond", Math.round(r.requestsPerSecond() * 10) / 10.0)
                .name("latencyMicros").beginObject();
        for (double p : new double[] {50, 90, 99, 99.9}) {
            String name = "p" + (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p));
            json.member(name, any ? h.getValueAtPercentile(p) : null);
        }
        return json.member("max", any ? h.getMaxValue() : null).endObject().endObject().toString();
    }
}
