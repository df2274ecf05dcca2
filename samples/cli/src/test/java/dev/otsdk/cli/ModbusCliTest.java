package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.spi.WordOrder;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.ModbusEmulator;
import dev.otsdk.testkit.StartStop;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** read, write, watch, info, emulate, bench and demo against the Modbus emulator. */
@EmulatorTest
class ModbusCliTest {

    @StartStop
    final ModbusEmulator plc = ModbusEmulator.builder().units(1, 2).build();

    @Test
    void readPrintsTypedValuesIncludingAFloatWithCdab() {
        plc.holding(100).setFloat32(21.5f, WordOrder.CDAB);
        plc.coil(0).set(true, false, true);
        plc.unit(2).holding(0).setUInt16(7);

        Cli.Run run = Cli.run("read", plc.uri(), "holding:100@CDAB:float32", "coil:0[3]", "2/holding:0", "400101");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(4);
        assertThat(run.lines().get(0)).startsWith("{\"tag\":\"holding:100@CDAB:float32\",\"value\":21.5,\"quality\":\"GOOD\"");
        assertThat(run.lines().get(1)).contains("\"value\":[true,false,true]");
        assertThat(run.lines().get(2)).contains("\"value\":7");
    }

    @Test
    void aDeviceExceptionIsABadTagAndExitCodeOne() {
        Cli.Run run = Cli.run("read", plc.uri(), "holding:0", "9/holding:0");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.lines().get(1)).contains("\"quality\":\"BAD\"").contains("GATEWAY_PATH_UNAVAILABLE");
    }

    @Test
    void writeSetsRegistersAndCoils() {
        Cli.Run run = Cli.run("write", plc.uri(), "holding:5:uint16=4711", "holding:6@CDAB:float32=1.5", "coil:3=true");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(plc.holding(5).getUInt16()).isEqualTo(4711);
        assertThat(plc.holding(6).getFloat32(WordOrder.CDAB)).isEqualTo(1.5f);
        assertThat(plc.coil(3).get()).isTrue();
    }

    @Test
    void watchPrintsChanges() {
        plc.holding(0).setUInt16(1);
        Cli.Running watch = Cli.start("watch", plc.uri(), "holding:0", "--interval", "20ms", "--duration", "3s");
        await().atMost(Duration.ofSeconds(2)).until(() -> watch.linesSoFar().size() == 1);

        plc.holding(0).setUInt16(2);

        await().atMost(Duration.ofSeconds(2)).until(() -> watch.linesSoFar().size() == 2);
        assertThat(watch.linesSoFar().get(1)).contains("\"value\":2");
        assertThat(watch.finished().join().exitCode()).isZero();
    }

    @Test
    void infoPrintsTheDeviceIdentification() {
        Cli.Run run = Cli.run("info", plc.uri());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).singleElement().asString().contains("\"vendor\":\"OT SDK\"")
                .contains("\"product\":\"ModbusEmulator\"");
    }

    @Test
    void benchReportsRequestsPerSecond() {
        Cli.Run run = Cli.run("bench", plc.uri() + "?maxInFlight=8", "holding:0:uint16[10]", "--in-flight", "8",
                "--warmup", "0s", "--duration", "300ms");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"inFlight\":8").contains("\"errors\":{}").contains("\"requestsPerSecond\":");
    }

    @Test
    void emulateModbusPrintsItsUriFirstAndServesUntilTheDurationEnds() {
        Cli.Running emulate = Cli.start("emulate", "modbus", "--option", "units=1,4", "--duration", "3s");
        await().atMost(Duration.ofSeconds(5)).until(() -> !emulate.linesSoFar().isEmpty());
        String uri = emulate.linesSoFar().get(0);

        Cli.Run read = Cli.run("read", uri, "4/holding:0", "holding:10:string(16)");

        assertThat(uri).startsWith("modbus+tcp://127.0.0.1:");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.lines().get(1)).contains("\"value\":\"OT SDK emulator\"");
        assertThat(emulate.finished().join().exitCode()).isZero();
    }

    @Test
    void emulateRejectsUnknownOptions() {
        Cli.Run run = Cli.run("emulate", "modbus", "--option", "colour=red", "--duration", "1s");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option 'colour' for the modbus emulator");
    }

    @Test
    void demoShowsModbus() {
        Cli.Run run = Cli.run("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Modbus TCP").contains("holding:100@CDAB:float32 = 21.5")
                .contains("Wrote 42 to holding:120").contains("Device identification (FC 43/14): OT SDK");
    }
}
