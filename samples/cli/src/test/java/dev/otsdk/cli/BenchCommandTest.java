package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otsdk.cli.fake.FakeDevice;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    private static final String NUMBER = "\\d+";

    @BeforeEach
    void reset() {
        FakeDevice.resetAll();
    }

    @Test
    void readsWithRequestsInFlightAndPrintsASummaryWithPercentiles() {
        FakeDevice plc = FakeDevice.named("plc").set("x", 7);

        Cli.Run run = Cli.run("bench", "fake://plc", "v:x:int32", "--in-flight", "4", "--warmup", "100ms",
                "--duration", "300ms");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).singleElement().asString().matches("\\{\"uri\":\"fake://plc\",\"tag\":\"v:x:int32\","
                + "\"operation\":\"read\",\"inFlight\":4,\"warmup\":\"PT0.1S\",\"duration\":\"PT0.3S\","
                + "\"requests\":" + NUMBER + ",\"succeeded\":" + NUMBER + ",\"errors\":\\{},"
                + "\"requestsPerSecond\":[0-9.]+,\"latencyMicros\":\\{\"p50\":" + NUMBER + ",\"p90\":" + NUMBER
                + ",\"p99\":" + NUMBER + ",\"p99.9\":" + NUMBER + ",\"max\":" + NUMBER + "}}");
        long requests = field(run.out(), "requests");
        assertThat(requests).isPositive().isEqualTo(field(run.out(), "succeeded"));
        assertThat(plc.reads()).isGreaterThan((int) requests); // the probe and the warm-up are not counted
    }

    @Test
    void countsErrorsByExceptionClassAndExitsWithOne() {
        FakeDevice.named("plc").set("x", 7).failReads(10, 20);

        Cli.Run run = Cli.run("bench", "fake://plc", "v:x:int32", "--warmup", "0s", "--duration", "300ms");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"errors\":{\"OtTimeoutException\":10}");
    }

    @Test
    void writesWhenAskedTo() {
        Cli.Run run = Cli.run("bench", "fake://plc", "v:x:int16", "--write", "42", "--warmup", "0s",
                "--duration", "100ms");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"operation\":\"write\"");
        assertThat(FakeDevice.named("plc").get("x")).isEqualTo((short) 42);
    }

    @Test
    void aTagThatCannotBeReadFailsLikeReadDoesBeforeMeasuring() {
        Cli.Run run = Cli.run("bench", "fake://plc", "v:missing", "--duration", "100ms");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("otsdk: read v:missing failed: NO_SUCH_VALUE (2)");
    }

    private static long field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(name).isTrue();
        return Long.parseLong(m.group(1));
    }
}
