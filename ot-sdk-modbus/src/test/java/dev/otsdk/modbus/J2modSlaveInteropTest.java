package dev.otsdk.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import dev.otsdk.api.DataType;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Quality;
import dev.otsdk.api.ReadResult;
import dev.otsdk.api.Session;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagValue;
import dev.otsdk.api.TagWrite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our client against an independent slave (j2mod 3.3.0), over Modbus TCP and RTU over TCP, for every
 * function code both support. j2mod cannot bind port 0 and report the port, so a free port is picked
 * first.
 */
class J2modSlaveInteropTest {

    static final SimpleProcessImage IMAGE = new SimpleProcessImage(1);
    static ModbusSlave tcp;
    static ModbusSlave rtu;
    static OtClient ot;

    @BeforeAll
    static void start() throws Exception {
        for (int i = 0; i < 64; i++) {
            IMAGE.addDigitalOut(new SimpleDigitalOut(i % 3 == 0));
            IMAGE.addDigitalIn(new SimpleDigitalIn(i % 2 == 0));
            IMAGE.addRegister(new SimpleRegister(i));
            IMAGE.addInputRegister(new SimpleInputRegister(1000 + i));
        }
        tcp = slave(false);
        rtu = slave(true);
        ot = OtClient.create();
    }

    private static ModbusSlave slave(boolean rtuFraming) throws Exception {
        ModbusSlave s = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), freePort(), 4, rtuFraming);
        s.addProcessImage(1, IMAGE);
        s.open();
        return s;
    }

    @AfterAll
    static void stop() {
        ot.close();
        ModbusSlaveFactory.close(tcp);
        ModbusSlaveFactory.close(rtu);
    }

    private static String uri(boolean rtuFraming) {
        return (rtuFraming ? "modbus+rtu+tcp" : "modbus+tcp") + "://127.0.0.1:" + (rtuFraming ? rtu : tcp).getPort()
                + "?unit=1&timeout=2s&maxInFlight=1";
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsEveryTable(boolean rtuFraming) {
        try (Session s = ot.connect(uri(rtuFraming))) {
            ReadResult r = s.read(List.of(Tag.parse("coil:0[4]"), Tag.parse("discrete:1"), Tag.parse("holding:2"),
                    Tag.parse("input:3"), Tag.parse("holding:4.2")));

            assertThat(r.values().get(0).value()).isEqualTo(new boolean[] {true, false, false, true});
            assertThat(r.values().get(1).value()).isEqualTo(false);
            assertThat(r.values().get(2).value()).isEqualTo(2);
            assertThat(r.values().get(3).value()).isEqualTo(1003);
            assertThat(r.values().get(4).value()).isEqualTo(true); // 4 = 0b100
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void writesWithFc5Fc6Fc15Fc16AndFc22(boolean rtuFraming) throws Exception {
        int base = rtuFraming ? 40 : 20;
        try (Session s = ot.connect(uri(rtuFraming))) {
            s.write(Tag.of("coil:" + base, DataType.BOOL), true);
            s.write(Tag.of("holding:" + base, DataType.UINT16), 4711);
            s.write(List.of(TagWrite.of(Tag.of("coil:" + (base + 1), DataType.BOOL.array(2)), new boolean[] {true, true}),
                    TagWrite.of(Tag.of("holding:" + (base + 1) + "@CDAB", DataType.FLOAT32), 1.0f)));
            s.write(Tag.of("holding:" + (base + 3) + ".0", DataType.BOOL), true);

            assertThat(IMAGE.getDigitalOut(base).isSet()).isTrue();
            assertThat(IMAGE.getDigitalOut(base + 2).isSet()).isTrue();
            assertThat(IMAGE.getRegister(base).getValue()).isEqualTo(4711);
            assertThat(IMAGE.getRegister(base + 1).getValue()).isEqualTo(0x0000); // CDAB: low word first
            assertThat(IMAGE.getRegister(base + 2).getValue()).isEqualTo(0x3F80);
            assertThat(IMAGE.getRegister(base + 3).getValue() & 1).isEqualTo(1);
            assertThat(s.read(Tag.parse("holding:" + (base + 1) + "@CDAB:float32")).value()).isEqualTo(1.0f);
        }
    }

    @Test
    void readWriteMultipleFc23() {
        try (Session s = ot.connect(uri(false))) {
            int[] read = s.unwrap(ModbusOperations.class).readWriteMultipleRegisters(1, 60, 2, 61, new int[] {99});
            assertThat(read).containsExactly(60, 99);
        }
    }

    @Test
    void anAddressOutsideTheImageIsIllegalDataAddressAndOnlyThatTagIsBad() {
        try (Session s = ot.connect(uri(false))) {
            ReadResult r = s.read(List.of(Tag.parse("holding:1"), Tag.parse("holding:10"), Tag.parse("holding:100")));
            TagValue<?> bad = r.values().get(2);

            assertThat(r.values().get(0).value()).isEqualTo(1);
            assertThat(bad.quality()).isEqualTo(Quality.BAD);
            assertThat(bad.status().name()).isEqualTo("ILLEGAL_DATA_ADDRESS");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
