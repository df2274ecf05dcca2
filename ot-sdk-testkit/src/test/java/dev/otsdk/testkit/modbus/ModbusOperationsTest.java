package dev.otsdk.testkit.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.DeviceException;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.modbus.DeviceIdentification;
import dev.otsdk.modbus.ModbusOperations;
import dev.otsdk.modbus.ModbusPdu;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.ModbusChange;
import dev.otsdk.testkit.ModbusEmulator;
import dev.otsdk.testkit.ModbusSimulation;
import dev.otsdk.testkit.ModbusTable;
import dev.otsdk.testkit.StartStop;
import dev.otsdk.spi.WordOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ModbusOperations} (FC 8, 22, 23, 43/14, raw PDUs) and the emulator's own features. */
@EmulatorTest
class ModbusOperationsTest {

    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MutableClock clock = new MutableClock();

    @StartStop
    final ModbusEmulator plc = ModbusEmulator.builder().units(1, 3).clock(clock).build();

    OtClient ot;
    Session s;
    ModbusOperations mb;

    @BeforeEach
    void connect() {
        ot = OtClient.create();
        s = ot.connect(plc.uri());
        mb = s.unwrap(ModbusOperations.class);
    }

    @AfterEach
    void close() {
        s.close();
        ot.close();
    }

    @Test
    void echoMaskWriteAndReadWriteMultiple() {
        assertThat(mb.echo(1, new byte[] {1, 2, 3})).containsExactly(1, 2, 3);

        plc.holding(4).setUInt16(0x12F0);
        mb.maskWriteRegister(1, 4, 0xF00F, 0x0A50);
        assertThat(plc.holding(4).getUInt16()).isEqualTo((0x12F0 & 0xF00F) | (0x0A50 & ~0xF00F & 0xFFFF));

        plc.unit(3).holding(10).setWords(5, 6);
        int[] read = mb.readWriteMultipleRegisters(3, 10, 3, 12, new int[] {7});
        assertThat(read).containsExactly(5, 6, 7);
        assertThat(mb.defaultUnit()).isEqualTo(1);
    }

    @Test
    void deviceIdentificationStreamsAcrossSeveralResponses() {
        for (int id = 0x80; id < 0x88; id++) {
            plc.deviceIdentification(id, "x".repeat(60) + id);
        }

        DeviceIdentification id = mb.readDeviceIdentification(1);
        DeviceInfo info = s.deviceInfo();

        assertThat(id.objects()).containsKeys(0, 1, 2, 0x80, 0x87).hasSize(15);
        assertThat(id.vendorName()).isEqualTo("OT SDK");
        assertThat(info.product()).isEqualTo("ModbusEmulator");
        assertThat(info.properties()).containsEntry("MajorMinorRevision", "1.0");
        assertThat(plc.requests().stream().filter(r -> r.function() == 43).count()).isGreaterThan(2);
    }

    @Test
    void rawPdusReachCustomFunctionCodesAndExceptionsAreDeviceErrors() {
        plc.customFunction(65, (unit, data) -> new byte[] {(byte) unit.intValue(), (byte) data.length});

        assertThat(mb.sendPdu(3, new ModbusPdu(65, new byte[] {9, 9})).data()).containsExactly(3, 2);
        assertThatThrownBy(() -> mb.sendPdu(1, new ModbusPdu(66, new byte[0]))).isInstanceOf(DeviceException.class)
                .hasMessageContaining("ILLEGAL_FUNCTION");
        assertThat(mb.sendPduAsync(1, new ModbusPdu(3, new byte[] {0, 0, 0, 1})).join().data())
                .containsExactly(2, 0, 0);
    }

    @Test
    void simulationsFollowTheInjectedClock() {
        plc.simulate(ModbusSimulation.counter(1, 0, Duration.ofSeconds(1)));
        plc.simulate(ModbusSimulation.ramp(1, 2, 0f, 100f, Duration.ofSeconds(10), WordOrder.ABCD));
        plc.simulate(ModbusSimulation.sine(1, 4, 50f, 10f, Duration.ofSeconds(4), WordOrder.CDAB));
        plc.simulate(ModbusSimulation.random(1, 6, 10, 20, 42L));

        clock.now = clock.now.plusSeconds(1);
        plc.runSimulations();

        assertThat(plc.holding(0).getUInt16()).isEqualTo(1);
        assertThat(plc.holding(2).getFloat32()).isEqualTo(10f);
        assertThat(plc.holding(4).getFloat32(WordOrder.CDAB)).isEqualTo(60f);
        assertThat(plc.holding(6).getUInt16()).isBetween(10, 20);
    }

    @Test
    void changeListenersAndAtomicUpdates() {
        List<ModbusChange> changes = new CopyOnWriteArrayList<>();
        plc.onChange(changes::add);

        plc.unit(1).update(u -> {
            u.holding(0).setFloat32(1f);
            u.coil(2).set(true);
        });
        s.write(dev.otsdk.api.Tag.of("holding:10", dev.otsdk.api.DataType.INT32), 5);

        assertThat(changes).contains(new ModbusChange(1, ModbusTable.HOLDING_REGISTERS, 0, 2),
                new ModbusChange(1, ModbusTable.COILS, 2, 1), new ModbusChange(1, ModbusTable.HOLDING_REGISTERS, 10, 2));
    }
}
