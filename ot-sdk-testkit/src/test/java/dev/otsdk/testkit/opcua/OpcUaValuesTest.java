package dev.otsdk.testkit.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaEmulator.Write;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The device side of the emulator: set and value, what clients wrote, values generated from a test clock. */
@EmulatorTest
class OpcUaValuesTest {

    static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    static final MutableClock CLOCK = new MutableClock(T0);

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder()
            .variable("Speed", OpcUaType.DOUBLE, 1.5)
            .variable("Count", OpcUaType.UINT16, 0)
            .array("Samples", OpcUaType.INT32, new int[] {1, 2, 3})
            // The schedule never fires during the test: only generateNow() recomputes.
            .generated("Clocked", OpcUaType.INT64, Duration.ofHours(1), Instant::getEpochSecond)
            .generated("Ticking", OpcUaType.INT64, Duration.ofMillis(20), Instant::getEpochSecond)
            .clock(CLOCK) // after generated(...): the initial values must still come from this clock
            .build();

    static OpcUaClient milo;

    @BeforeAll
    static void connect() throws UaException {
        milo = MiloClients.connect(PLC.uri());
    }

    @AfterAll
    static void disconnect() {
        MiloClients.disconnect(milo);
    }

    @BeforeEach
    void forgetWrites() {
        PLC.clearWrites();
    }

    @Test
    void generatedVariablesStartWithTheValueAtTheInjectedClock() {
        OpcUaEmulator notStarted = OpcUaEmulator.builder()
                .generated("G", OpcUaType.INT64, Duration.ofHours(1), Instant::getEpochSecond)
                .clock(new MutableClock(T0))
                .build();

        assertThat(notStarted.value("G")).isEqualTo(T0.getEpochSecond());
    }

    @Test
    void aSetValueIsWhatClientsReadWithTheClocksTimestamp() throws UaException {
        PLC.set("Speed", 22.25);

        DataValue dv = MiloClients.readValue(milo, PLC.nodeId("Speed"));
        assertThat(dv.getValue().getValue()).isEqualTo(22.25);
        assertThat(dv.getSourceTime()).isEqualTo(new DateTime(CLOCK.instant()));
        assertThat(PLC.value("Speed")).isEqualTo(22.25);
    }

    @Test
    void setAndValueRefuseUnknownVariablesAndValuesThatDoNotFit() {
        assertThatThrownBy(() -> PLC.set("Nope", 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nope");
        assertThatThrownBy(() -> PLC.value("Nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PLC.set("Speed", "fast")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DOUBLE");
        assertThatThrownBy(() -> PLC.set("Samples", 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("array");
        assertThat(PLC.value("Speed")).isInstanceOf(Double.class);
    }

    @Test
    void writesAreRecordedInTheOrderClientsMadeThem() throws UaException {
        Instant at = CLOCK.advance(Duration.ofSeconds(1));

        assertThat(MiloClients.write(milo, PLC.nodeId("Speed"), 1.0).isGood()).isTrue();
        List<StatusCode> batch = milo.writeValues(
                List.of(NodeId.parse(PLC.nodeId("Count")), NodeId.parse(PLC.nodeId("Speed"))),
                List.of(DataValue.valueOnly(new Variant(org.eclipse.milo.opcua.stack.core.types.builtin.unsigned
                        .Unsigned.ushort(7))), DataValue.valueOnly(new Variant(3.0))));
        assertThat(batch).allMatch(StatusCode::isGood);

        assertThat(PLC.writes()).containsExactly(new Write("Speed", 1.0, at), new Write("Count", 7, at),
                new Write("Speed", 3.0, at));
        assertThat(PLC.value("Speed")).isEqualTo(3.0);
        assertThat(PLC.value("Count")).isEqualTo(7);
        PLC.clearWrites();
        assertThat(PLC.writes()).isEmpty();
    }

    @Test
    void writesTheServerRefusesAreNotRecorded() throws UaException {
        StatusCode wrongType = MiloClients.write(milo, PLC.nodeId("Speed"), "fast");
        StatusCode unknown = MiloClients.write(milo, "ns=" + NodeId.parse(PLC.nodeId("Speed")).getNamespaceIndex()
                + ";s=Nope", 1.0);

        assertThat(wrongType.value()).isEqualTo(StatusCodes.Bad_TypeMismatch);
        assertThat(unknown.value()).isEqualTo(StatusCodes.Bad_NodeIdUnknown);
        assertThat(PLC.writes()).isEmpty();
    }

    @Test
    void aWriteToPartOfAnArrayKeepsTheRestOfTheValue() throws UaException {
        PLC.set("Samples", new int[] {1, 2, 3});

        StatusCode result = MiloClients.writeRange(milo, PLC.nodeId("Samples"), "1", new Integer[] {20});

        assertThat(result.isGood()).as(result.toString()).isTrue();
        assertThat(MiloClients.readValue(milo, PLC.nodeId("Samples")).getValue().getValue())
                .isEqualTo(new Integer[] {1, 20, 3});
        assertThat(PLC.value("Samples")).isEqualTo(new Integer[] {1, 20, 3});
        assertThat(PLC.writes()).extracting(Write::path, Write::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Samples", new Integer[] {20}));
    }

    @Test
    void generateNowRecomputesFromTheInjectedClock() throws UaException {
        Instant before = CLOCK.instant();
        assertThat(PLC.value("Clocked")).isIn(T0.getEpochSecond(), before.getEpochSecond());

        Instant later = CLOCK.advance(Duration.ofSeconds(90));
        PLC.generateNow();

        assertThat(PLC.value("Clocked")).isEqualTo(later.getEpochSecond());
        DataValue dv = MiloClients.readValue(milo, PLC.nodeId("Clocked"));
        assertThat(dv.getValue().getValue()).isEqualTo(later.getEpochSecond());
        assertThat(dv.getSourceTime()).isEqualTo(new DateTime(later));
    }

    @Test
    void theScheduleRecomputesOnItsOwnAfterTheClockMoves() {
        Instant later = CLOCK.advance(Duration.ofMinutes(5));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> PLC.value("Ticking").equals(later.getEpochSecond()));
    }
}
