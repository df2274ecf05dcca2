package dev.otsdk.testkit.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ReadMEIRequest;
import com.ghgande.j2mod.modbus.msg.ReadMEIResponse;
import com.ghgande.j2mod.modbus.msg.ReadWriteMultipleRequest;
import com.ghgande.j2mod.modbus.msg.ReadWriteMultipleResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import dev.otsdk.spi.WordOrder;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.FaultPoint;
import dev.otsdk.testkit.ModbusEmulator;
import dev.otsdk.testkit.ModbusFault;
import dev.otsdk.testkit.StartStop;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An independent master (j2mod 3.3.0) against the emulator, for every function code both support. */
@EmulatorTest
class J2modMasterInteropTest {

    @StartStop
    final ModbusEmulator plc = ModbusEmulator.builder().units(1, 2).build();

    ModbusTCPMaster master;

    @BeforeEach
    void connect() throws Exception {
        master = new ModbusTCPMaster("127.0.0.1", plc.port(), 2000, false);
        master.connect();
    }

    @AfterEach
    void disconnect() {
        master.disconnect();
    }

    @Test
    void bitsFc1Fc2Fc5Fc15() throws Exception {
        plc.coil(3).set(true);
        plc.discrete(9).set(true);

        assertThat(master.readCoils(1, 0, 8).getBit(3)).isTrue();
        assertThat(master.readInputDiscretes(1, 8, 2).getBit(1)).isTrue();
        master.writeCoil(1, 20, true);
        BitVector v = new BitVector(10);
        v.setBit(0, true);
        v.setBit(9, true);
        master.writeMultipleCoils(1, 30, v);

        assertThat(plc.coil(20).get()).isTrue();
        assertThat(plc.coil(30).get()).isTrue();
        assertThat(plc.coil(38).get()).isFalse();
        assertThat(plc.coil(39).get()).isTrue();
    }

    @Test
    void registersFc3Fc4Fc6Fc16Fc22() throws Exception {
        plc.holding(0).setWords(1, 2, 3);
        plc.unit(2).input(5).setUInt16(0xBEEF);

        Register[] r = master.readMultipleRegisters(1, 0, 3);
        assertThat(r[2].getValue()).isEqualTo(3);
        assertThat(master.readInputRegisters(2, 5, 1)[0].getValue()).isEqualTo(0xBEEF);
        master.writeSingleRegister(1, 10, new SimpleRegister(4242));
        master.writeMultipleRegisters(1, 11, new Register[] {new SimpleRegister(1), new SimpleRegister(65535)});
        plc.holding(20).setUInt16(0x00FF);
        master.maskWriteRegister(1, 20, 0xFFF0, 0x0101);

        assertThat(plc.holding(10).words(3)).containsExactly(4242, 1, 65535);
        assertThat(plc.holding(20).getUInt16()).isEqualTo((0x00FF & 0xFFF0) | (0x0101 & 0x000F));
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void wordOrdersLandInTheRegistersAsSpecified(WordOrder order) throws Exception {
        plc.holding(40).setFloat32(1.0f, order); // 0x3F800000 big-endian

        Register[] r = master.readMultipleRegisters(1, 40, 2);
        int expected0 = switch (order) {
            case ABCD -> 0x3F80;
            case CDAB -> 0x0000;
            case BADC -> 0x803F;
            case DCBA -> 0x0000;
        };
        int expected1 = switch (order) {
            case ABCD, BADC -> 0x0000;
            case CDAB -> 0x3F80;
            case DCBA -> 0x803F;
        };
        assertThat(new int[] {r[0].getValue(), r[1].getValue()}).containsExactly(expected0, expected1);
    }

    @Test
    void readWriteMultipleFc23AndDeviceIdentificationFc43() throws Exception {
        plc.holding(50).setWords(9, 8);
        TCPMasterConnection c = new TCPMasterConnection(InetAddress.getLoopbackAddress());
        c.setPort(plc.port());
        c.connect();
        try {
            ReadWriteMultipleRequest rw = new ReadWriteMultipleRequest(1, 50, 3, 52, 1);
            rw.setRegisters(new Register[] {new SimpleRegister(7)});
            ModbusTCPTransaction tx = new ModbusTCPTransaction(c);
            tx.setRequest(rw);
            tx.execute();
            ReadWriteMultipleResponse resp = (ReadWriteMultipleResponse) tx.getResponse();
            assertThat(resp.getRegisterValue(2)).isEqualTo(7);

            ReadMEIRequest mei = new ReadMEIRequest(1, 0); // read code 1 (basic), from object 0
            mei.setUnitID(1);
            tx.setRequest(mei);
            tx.execute();
            ReadMEIResponse id = (ReadMEIResponse) tx.getResponse();
            assertThat(id.getFields()).contains("OT SDK", "EMU-MB", "1.0");
        } finally {
            c.close();
        }
    }

    @Test
    void exceptionsReachTheMasterWithTheirCode() {
        plc.faults().once(FaultPoint.ON_REQUEST, ModbusFault.exception(6));

        assertThatThrownBy(() -> master.readMultipleRegisters(1, 0, 1)).isInstanceOf(ModbusSlaveException.class)
                .satisfies(e -> assertThat(((ModbusSlaveException) e).getType()).isEqualTo(6));
        assertThatThrownBy(() -> master.readMultipleRegisters(1, 65530, 10)).isInstanceOf(ModbusSlaveException.class)
                .satisfies(e -> assertThat(((ModbusSlaveException) e).getType()).isEqualTo(2));
    }
}
