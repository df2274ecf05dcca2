package dev.otsdk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.StartStop;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** read, write, watch, browse, info, emulate and demo against the OPC UA emulator. */
@EmulatorTest
class OpcUaCommandsTest {

    @StartStop
    static final OpcUaEmulator PLC = new OpcUaEmulator();

    static String plain() {
        return PLC.uri() + "?securityPolicy=None";
    }

    @Test
    void readPrintsOneJsonLinePerTag() {
        Cli.Run run = Cli.run("read", plain(), PLC.nodeId("Demo/Scalars/Double") + ":float64",
                PLC.nodeId("Demo/Scalars/UInt16"), PLC.nodeId("Demo/Arrays/Int16") + ":int16[]");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(3);
        assertThat(run.lines().get(0)).contains("\"value\":21.5").contains("\"quality\":\"GOOD\"")
                .contains("\"sourceTime\"");
        assertThat(run.lines().get(1)).contains("\"value\":60000");
        assertThat(run.lines().get(2)).contains("\"value\":[1,-2,3]");
    }

    @Test
    void aMissingNodeIsNotGoodAndNamesTheStatus() {
        Cli.Run run = Cli.run("read", plain(), "ns=2;s=Nope:float64");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Bad_NodeIdUnknown");
    }

    @Test
    void writeThenReadBack() {
        Cli.Run write = Cli.run("write", plain(), PLC.nodeId("Demo/Scalars/String") + ":string=written by otsdk");
        assertThat(write.exitCode()).as(write.err()).isZero();
        assertThat(PLC.value("Demo/Scalars/String")).isEqualTo("written by otsdk");
        Cli.Run read = Cli.run("read", plain(), PLC.nodeId("Demo/Scalars/String"));
        assertThat(read.out()).contains("\"value\":\"written by otsdk\"");
    }

    @Test
    void watchPrintsChangesUntilTheDurationEnds() {
        Cli.Run run = Cli.run("watch", plain(), PLC.nodeId("Demo/Dynamic/Counter") + ":int32", "--interval", "100ms",
                "--duration", "1s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines().size()).isGreaterThanOrEqualTo(3);
        assertThat(run.lines()).allMatch(l -> l.contains("Demo/Dynamic/Counter"));
    }

    @Test
    void browseAndInfo() {
        Cli.Run top = Cli.run("browse", plain());
        assertThat(top.exitCode()).as(top.err()).isZero();
        assertThat(top.out()).contains("Demo").contains("Server");

        Cli.Run scalars = Cli.run("browse", plain(), PLC.nodeId("Demo/Scalars"));
        assertThat(scalars.out()).contains(PLC.nodeId("Demo/Scalars/Double")).contains("float64");

        Cli.Run info = Cli.run("info", plain());
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"vendor\":\"OT SDK\"").contains("\"state\":\"Running\"");
    }

    @Test
    void anUntrustedServerIsASecurityFailureUntilTrustedOnFirstUse() throws IOException {
        Path pki = Files.createTempDirectory("otsdk-cli-pki-");
        String tag = PLC.nodeId("Demo/Scalars/Double") + ":float64";

        Cli.Run refused = Cli.run("--pki", pki.toString(), "read", PLC.uri(), tag);
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.err()).contains("not trusted").contains(pki.resolve("rejected").toString());

        Cli.Run trusted = Cli.run("--pki", pki.toString(), "--trust-on-first-use", "read", PLC.uri(), tag);
        assertThat(trusted.exitCode()).as(trusted.err()).isZero();
        Cli.Run again = Cli.run("--pki", pki.toString(), "read", PLC.uri(), tag);
        assertThat(again.exitCode()).as(again.err()).isZero();
    }

    @Test
    void emulateOpcuaPrintsItsEndpointFirst() throws Exception {
        Cli.Running emulate = Cli.start("emulate", "opcua", "--duration", "5s");
        await().atMost(Duration.ofSeconds(10)).until(() -> !emulate.linesSoFar().isEmpty());
        String uri = emulate.linesSoFar().get(0);
        assertThat(uri).startsWith("opc.tcp://127.0.0.1:").endsWith("/otsdk");

        Cli.Run read = Cli.run("read", uri + "?securityPolicy=None", "nsu=urn:dev.otsdk:opcua-emulator;s=Demo/Scalars/Int16");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).contains("\"value\":-1600");
        assertThat(emulate.finished().get(15, TimeUnit.SECONDS).exitCode()).isZero();
    }

    @Test
    void demoShowsOpcUa() {
        Cli.Run run = Cli.run("demo");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("== OPC UA ==").contains("negotiated Aes256_Sha256_RsaPss / SignAndEncrypt")
                .contains("Wrote 1234").contains("Browsing").doesNotContain("fewer changes");
    }
}
