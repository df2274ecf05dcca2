package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.cli.fake.FakeDevice;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatchCommandTest {

    private static final String TIME = "\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"";

    @BeforeEach
    void reset() {
        FakeDevice.resetAll();
    }

    @Test
    void printsEverySampleWithAllUntilTheDurationPasses() {
        FakeDevice.named("plc").set("x", 5);

        Cli.Run run = Cli.run("watch", "fake://plc", "v:x:int32", "--interval", "20ms", "--duration", "300ms",
                "--all");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).startsWith("{\"tag\":\"v:x:int32\",\"value\":5,\"quality\":\"GOOD\""));
    }

    @Test
    void printsTheCurrentValueThenOnlyChanges() throws Exception {
        FakeDevice plc = FakeDevice.named("plc").set("x", 5);

        Cli.Running watch = Cli.start("watch", "fake://plc", "v:x:int32", "--interval", "20ms", "--duration", "2s");
        await().atMost(Duration.ofSeconds(1)).until(() -> watch.linesSoFar().size() == 1);
        plc.set("x", 6);
        await().atMost(Duration.ofSeconds(1)).until(() -> watch.linesSoFar().size() == 2);
        Cli.Run run = watch.finished().get(5, TimeUnit.SECONDS);

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).contains("\"value\":5");
        assertThat(run.lines().get(1)).contains("\"value\":6");
    }

    @Test
    void reportsGapsAndThenEveryCurrentValue() {
        FakeDevice.named("plc").set("x", 5).failReads(2, 4); // reads 2 and 3 time out

        Cli.Run run = Cli.run("watch", "fake://plc", "v:x:int32", "--interval", "20ms", "--duration", "500ms");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).contains("\"value\":5");
        assertThat(run.lines().get(1)).matches("\\{\"gap\":\\{\"from\":" + TIME + ",\"to\":" + TIME
                + ",\"reason\":\"SAMPLING_FAILED\",\"dropped\":0,\"detail\":\"fake read #2 timed out after 1ms\"}}");
        assertThat(run.lines().get(2)).contains("\"value\":5"); // unchanged, but repeated after the gap
    }

    @Test
    void aValueThatIsNotGoodExitsWithOne() {
        Cli.Run run = Cli.run("watch", "fake://plc", "v:missing", "--interval", "20ms", "--duration", "100ms");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).first().asString().contains("\"value\":null,\"quality\":\"BAD\"");
    }

    @Test
    void badOptionsAreUsageErrors() {
        Cli.Run interval = Cli.run("watch", "fake://plc", "v:x", "--interval", "0ms", "--duration", "1s");
        Cli.Run deadband = Cli.run("watch", "fake://plc", "v:x", "--deadband", "lots", "--duration", "1s");
        Cli.Run percent = Cli.run("watch", "fake://plc", "v:x", "--deadband", "5%", "--duration", "1s");
        Cli.Run duration = Cli.run("watch", "fake://plc", "v:x", "--duration", "soon");

        assertThat(interval.exitCode()).isEqualTo(2);
        assertThat(interval.err()).contains("interval must be at least 1ms");
        assertThat(deadband.exitCode()).isEqualTo(2);
        assertThat(deadband.err()).contains("--deadband 'lots' is not a number");
        assertThat(percent.exitCode()).isEqualTo(2);
        assertThat(percent.err()).contains("percent deadband cannot be computed");
        assertThat(duration.exitCode()).isEqualTo(2);
        assertThat(duration.err()).contains("invalid duration 'soon'");
    }
}
