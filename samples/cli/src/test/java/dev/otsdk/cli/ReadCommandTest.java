package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otsdk.cli.fake.FakeDevice;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReadCommandTest {

    private static final String RECEIVED = "\"receivedTime\":\"\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"";

    @BeforeEach
    void reset() {
        FakeDevice.resetAll();
    }

    @Test
    void printsOneJsonObjectPerTagInTheOrderGiven() {
        FakeDevice.named("plc").set("speed", 1500).set("name", "pump 1");

        Cli.Run run = Cli.run("read", "fake://plc", "v:speed:uint16", "v:name");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).matches("\\{\"tag\":\"v:speed:uint16\",\"value\":1500,\"quality\":\"GOOD\","
                + "\"status\":\"Good\",\"sourceTime\":null,\"serverTime\":null," + RECEIVED + "}");
        assertThat(run.lines().get(1)).startsWith("{\"tag\":\"v:name\",\"value\":\"pump 1\",\"quality\":\"GOOD\"");
    }

    @Test
    void printsEachTypeAsJson() {
        FakeDevice.named("plc")
                .set("flag", true)
                .set("temp", 21.5)
                .set("nan", Double.NaN)
                .set("big", new BigInteger("18446744073709551615"))
                .set("block", new short[] {1, -2, 3})
                .set("raw", new byte[] {(byte) 0xCA, (byte) 0xFE})
                .set("text", "say \"hi\"\n")
                .set("when", Instant.parse("2026-11-25T10:00:00.123Z"))
                .set("took", Duration.ofMillis(1500));

        Cli.Run run = Cli.run("read", "fake://plc", "v:flag:bool", "v:temp:float32", "v:nan:float64",
                "v:big:uint64", "v:block:int16[3]", "v:raw:bytes", "v:text:string", "v:when:datetime",
                "v:took:duration");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).extracting(ReadCommandTest::valueOf).containsExactly(
                "true", "21.5", "\"NaN\"", "18446744073709551615", "[1,-2,3]", "\"cafe\"", "\"say \\\"hi\\\"\\n\"",
                "\"2026-11-25T10:00:00.123Z\"", "\"PT1.5S\"");
    }

    @Test
    void keepsTheTagTextAsTyped() {
        FakeDevice.named("plc").set("x", 1);

        Cli.Run run = Cli.run("read", "fake://plc", "v:x:INT");

        assertThat(run.lines()).singleElement().asString().startsWith("{\"tag\":\"v:x:INT\",\"value\":1,");
    }

    @Test
    void badTagsHaveNoValueAndExitWithOne() {
        FakeDevice.named("plc").set("ok", 1);

        Cli.Run run = Cli.run("read", "fake://plc", "v:ok", "v:missing");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).contains("\"quality\":\"GOOD\"");
        assertThat(run.lines().get(1)).startsWith("{\"tag\":\"v:missing\",\"value\":null,\"quality\":\"BAD\","
                + "\"status\":\"NO_SUCH_VALUE (2): the device has no value of that name\"");
    }

    private static String valueOf(String line) {
        int start = line.indexOf("\"value\":") + "\"value\":".length();
        int end = line.indexOf(",\"quality\":");
        return line.substring(start, end);
    }
}
