package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otsdk.cli.fake.FakeDevice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteCommandTest {

    @BeforeEach
    void reset() {
        FakeDevice.resetAll();
    }

    @Test
    void writesConvertedValuesAndPrintsOneLinePerWrite() {
        Cli.Run run = Cli.run("write", "fake://plc", "v:speed:uint16=0x10", "v:block:int16[3]=[1,2,3]",
                "v:on:bool=true");

        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly(
                "{\"tag\":\"v:speed:uint16\",\"ok\":true,\"status\":\"Good\"}",
                "{\"tag\":\"v:block:int16[3]\",\"ok\":true,\"status\":\"Good\"}",
                "{\"tag\":\"v:on:bool\",\"ok\":true,\"status\":\"Good\"}");
        FakeDevice plc = FakeDevice.named("plc");
        assertThat(plc.get("speed")).isEqualTo(16);
        assertThat(plc.get("block")).isEqualTo(new short[] {1, 2, 3});
        assertThat(plc.get("on")).isEqualTo(true);
    }

    @Test
    void refusedWritesAreReportedAndExitWithOne() {
        FakeDevice.named("plc").refuseWrites("locked");

        Cli.Run run = Cli.run("write", "fake://plc", "v:free:int32=1", "v:locked:int32=2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines()).containsExactly(
                "{\"tag\":\"v:free:int32\",\"ok\":true,\"status\":\"Good\"}",
                "{\"tag\":\"v:locked:int32\",\"ok\":false,\"status\":\"REFUSED (4): the device refused the write\"}");
    }

    @Test
    void valuesThatDoNotFitAreUsageErrorsAndNothingIsWritten() {
        Cli.Run run = Cli.run("write", "fake://plc", "v:a:int16=1", "v:b:int16=70000");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("otsdk: write v:b:int16: value 70000 is out of range for int16");
        assertThat(FakeDevice.named("plc").writes()).isEmpty();
    }

    @Test
    void splitsAtTheLastEqualsSignSoTagsMayContainOne() {
        assertThat(TagAssignment.parse("ns=2;s=Temp=21.5"))
                .isEqualTo(new TagAssignment("ns=2;s=Temp", "21.5"));
        assertThat(TagAssignment.parse("v:text:string=")).isEqualTo(new TagAssignment("v:text:string", ""));
    }

    @Test
    void anArgumentWithoutATagOrEqualsSignIsAUsageError() {
        Cli.Run noEquals = Cli.run("write", "fake://plc", "v:a:int16");
        Cli.Run noTag = Cli.run("write", "fake://plc", "=5");

        assertThat(noEquals.exitCode()).isEqualTo(2);
        assertThat(noEquals.err()).contains("'v:a:int16' is not <tag>=<value>");
        assertThat(noTag.exitCode()).isEqualTo(2);
        assertThat(noTag.err()).contains("no tag before '='");
    }

    @Test
    void aValueCannotContainAnEqualsSign() {
        Cli.Run run = Cli.run("write", "fake://plc", "v:label=a=b");

        assertThat(run.exitCode()).isEqualTo(2); // the tag would be "v:label=a", not a fake address
        assertThat(run.err()).contains("invalid tag 'v:label=a' at position 7");
        assertThat(FakeDevice.named("plc").writes()).isEmpty();
    }

    @Test
    void untypedTagsGetTheValueAsTyped() {
        Cli.Run run = Cli.run("write", "fake://plc", "v:label=hello world");

        assertThat(run.exitCode()).isZero();
        assertThat(FakeDevice.named("plc").get("label")).isEqualTo("hello world");
    }
}
