package dev.otsdk.testkit.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.DataType;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.OtException;
import dev.otsdk.api.OtTimeoutException;
import dev.otsdk.api.Session;
import dev.otsdk.api.SessionState;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import dev.otsdk.modbus.ModbusOperations;
import dev.otsdk.modbus.ModbusStatistics;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.Fault;
import dev.otsdk.testkit.FaultPoint;
import dev.otsdk.testkit.ModbusEmulator;
import dev.otsdk.testkit.ModbusFault;
import dev.otsdk.testkit.StartStop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each injected fault ends in a clear error or a recovery: no hung future, no leaked buffer (the leak
 * guard fails the class), no lost write.
 */
@EmulatorTest
class ModbusFaultTest {

    private static final Tag<Integer> HR0 = Tag.of("holding:0", DataType.UINT16);

    @StartStop
    final ModbusEmulator plc = new ModbusEmulator();

    OtClient ot;
    Session s;

    @BeforeEach
    void connect() {
        ot = OtClient.create();
        s = ot.connect(plc.uri() + "?timeout=300ms&reconnectDelay=20ms&maxInFlight=8");
        plc.holding(0).setUInt16(7);
    }

    @AfterEach
    void close() {
        s.close();
        ot.close();
    }

    @Test
    void aDelayedReplyWithinTheTimeoutIsFine() {
        plc.faults().once(FaultPoint.ON_REPLY_WRITE, Fault.delay(Duration.ofMillis(50)));

        assertThat(s.read(HR0).value()).isEqualTo(7);
    }

    @Test
    void aStalledRequestTimesOutAndItsLateAnswerIsCountedNotDelivered() {
        plc.faults().once(FaultPoint.ON_REPLY_WRITE, Fault.delay(Duration.ofMillis(600)));
        plc.holding(1).setUInt16(11);

        assertThatThrownBy(() -> s.read(HR0)).isInstanceOf(OtTimeoutException.class)
                .hasMessageContaining("FC3 unit 1 holding:0 x1");
        TagValue<?> next = s.read(Tag.parse("holding:1"));

        assertThat(next.value()).isEqualTo(11);
        ModbusOperations mb = s.unwrap(ModbusOperations.class);
        await().atMost(Duration.ofSeconds(3)).until(() -> mb.statistics().lateResponses() == 1);
        assertThat(mb.statistics().timeouts()).isEqualTo(1);
    }

    @Test
    void aStallIsATimeoutAndTheSessionStaysUsable() {
        plc.faults().once(FaultPoint.ON_REQUEST, Fault.stall());

        assertThatThrownBy(() -> s.read(HR0)).isInstanceOf(OtTimeoutException.class);
        assertThat(s.read(HR0).value()).isEqualTo(7);
    }

    @Test
    void aResponseWithAWrongTransactionIdIsCountedAsStray() {
        plc.faults().once(FaultPoint.BEFORE_REPLY, ModbusFault.wrongTransactionId());

        assertThatThrownBy(() -> s.read(HR0)).isInstanceOf(OtTimeoutException.class);
        assertThat(s.unwrap(ModbusOperations.class).statistics().strayResponses()).isEqualTo(1);
        assertThat(s.read(HR0).value()).isEqualTo(7);
    }

    @Test
    void aResponseFromAnotherUnitFailsClearly() {
        plc.faults().once(FaultPoint.BEFORE_REPLY, ModbusFault.wrongUnitId());

        assertThatThrownBy(() -> s.read(HR0)).isInstanceOf(OtException.class)
                .hasMessageContaining("the response came from unit 2");
    }

    @Test
    void aMalformedPduFailsOnlyThatRequest() {
        // byte count says 2, but 3 data bytes follow (MBAP length adjusted so the frame itself is valid)
        plc.faults().once(FaultPoint.BEFORE_REPLY, Fault.malformed("extra byte", b -> {
            byte[] out = java.util.Arrays.copyOf(b, b.length + 1);
            out[5]++;
            return out;
        }));

        assertThatThrownBy(() -> s.read(HR0)).isInstanceOf(OtException.class)
                .hasMessageContaining("malformed response").hasMessageContaining("3 data bytes");
        assertThat(s.read(HR0).value()).isEqualTo(7);
    }

    @Test
    void aCorruptFrameHeaderDropsTheConnectionWhichReconnects() {
        plc.faults().once(FaultPoint.BEFORE_REPLY, Fault.corruptByte(2)); // MBAP protocol id

        assertThatThrownBy(() -> s.read(HR0)).isInstanceOf(ConnectionLostException.class)
                .hasMessageContaining("MBAP protocol id must be 0");
        await().atMost(Duration.ofSeconds(5)).until(() -> s.state() == SessionState.CONNECTED);
        assertThat(s.read(HR0).value()).isEqualTo(7);
    }

    @Test
    void dropMidFrameAndResetEndInConnectionLostThenRecovery() {
        plc.faults().once(FaultPoint.ON_REPLY_WRITE, Fault.dropMidFrame(5));

        assertThatThrownBy(() -> s.read(HR0)).isInstanceOf(ConnectionLostException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> s.state() == SessionState.CONNECTED);
        plc.faults().once(FaultPoint.ON_REQUEST, Fault.reset());
        assertThatThrownBy(() -> s.read(HR0)).isInstanceOf(ConnectionLostException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> s.state() == SessionState.CONNECTED);
        assertThat(s.read(HR0).value()).isEqualTo(7);
    }

    @Test
    void aWriteWhoseReplyIsLostIsReportedNotDropped() {
        plc.faults().once(FaultPoint.ON_REPLY_WRITE, Fault.drop());

        assertThatThrownBy(() -> s.write(HR0, 9)).isInstanceOf(ConnectionLostException.class)
                .hasMessageContaining("closed by the device");
        assertThat(plc.holding(0).getUInt16()).isEqualTo(9); // it took effect; the client says "outcome unknown"
    }

    @Test
    void pipelinedRequestsAnsweredOutOfOrderReachTheRightCallers() throws Exception {
        for (int i = 0; i < 8; i++) {
            plc.holding(i).setUInt16(100 + i);
        }
        // the first request is answered last
        plc.faults().once(FaultPoint.ON_REQUEST, Fault.delay(Duration.ofMillis(100)));
        List<CompletableFuture<TagValue<Integer>>> futures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(s.readAsync(Tag.of("holding:" + i, DataType.UINT16)));
        }
        for (int i = 0; i < 8; i++) {
            assertThat(futures.get(i).get(5, TimeUnit.SECONDS).value()).isEqualTo(100 + i);
        }
        assertThat(plc.requests().stream().map(r -> r.transactionId()).distinct().count()).isEqualTo(8);
    }

    @Test
    void theEmulatorsInFlightLimitAnswersBusy() throws Exception {
        try (ModbusEmulator small = ModbusEmulator.builder().maxInFlight(1).build()) {
            small.start();
            small.faults().once(FaultPoint.ON_REQUEST, Fault.delay(Duration.ofMillis(100)));
            try (Session t = ot.connect(small.uri() + "?maxInFlight=2")) {
                CompletableFuture<TagValue<Integer>> first = t.readAsync(HR0);
                TagValue<Integer> second = t.readAsync(Tag.of("holding:1", DataType.UINT16)).get(5, TimeUnit.SECONDS);
                assertThat(second.status().name()).isEqualTo("SERVER_DEVICE_BUSY");
                assertThat(first.get(5, TimeUnit.SECONDS).value()).isZero();
            }
        }
    }

    @Test
    void theWindowBoundsRequestsOnTheWire() throws Exception {
        plc.faults().always(FaultPoint.ON_REPLY_WRITE, Fault.delay(Duration.ofMillis(20)));
        List<CompletableFuture<TagValue<Integer>>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(s.readAsync(HR0));
        }
        ModbusStatistics peak = s.unwrap(ModbusOperations.class).statistics();
        for (CompletableFuture<TagValue<Integer>> f : futures) {
            assertThat(f.get(5, TimeUnit.SECONDS).value()).isEqualTo(7);
        }
        assertThat(peak.inFlight()).isLessThanOrEqualTo(8);
    }
}
