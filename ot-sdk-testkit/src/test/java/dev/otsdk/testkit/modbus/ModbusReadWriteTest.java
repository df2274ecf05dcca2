package dev.otsdk.testkit.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.DataType;
import dev.otsdk.api.DeviceException;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Quality;
import dev.otsdk.api.ReadResult;
import dev.otsdk.api.Session;
import dev.otsdk.api.Tag;
import dev.otsdk.api.TagAddressException;
import dev.otsdk.api.TagValue;
import dev.otsdk.api.TagWrite;
import dev.otsdk.api.WriteResult;
import dev.otsdk.modbus.ModbusExceptionCode;
import dev.otsdk.spi.WordOrder;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.Fault;
import dev.otsdk.testkit.FaultPoint;
import dev.otsdk.testkit.ModbusEmulator;
import dev.otsdk.testkit.ModbusFault;
import dev.otsdk.testkit.ModbusRequest;
import dev.otsdk.testkit.StartStop;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Typed reads and writes of every table and type through the session API, against the emulator. */
@EmulatorTest
class ModbusReadWriteTest {

    @StartStop
    final ModbusEmulator plc = ModbusEmulator.builder().units(1, 2).build();

    OtClient ot;
    Session s;

    @BeforeEach
    void connect() {
        ot = OtClient.create();
        s = ot.connect(plc.uri() + "?unit=1&timeout=2s");
    }

    @AfterEach
    void close() {
        s.close();
        ot.close();
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void readsFloat32InEveryWordOrder(WordOrder order) {
        plc.holding(100).setFloat32(21.5f, order);

        TagValue<?> v = s.read(Tag.parse("holding:100@" + order + ":float32"));

        assertThat(v.value()).isEqualTo(21.5f);
    }

    @ParameterizedTest
    @EnumSource(WordOrder.class)
    void writesAndReadsBack64BitValuesInEveryWordOrder(WordOrder order) {
        Tag<Long> t = Tag.of("holding:10@" + order, DataType.INT64);
        s.write(t, -1234567890123L);

        assertThat(plc.holding(10).getInt64(order)).isEqualTo(-1234567890123L);
        assertThat(s.read(t).value()).isEqualTo(-1234567890123L);
        Tag<Double> d = Tag.of("holding:20@" + order, DataType.FLOAT64);
        s.write(d, Math.PI);
        assertThat(plc.holding(20).getFloat64(order)).isEqualTo(Math.PI);
    }

    @Test
    void readsEveryRegisterType() {
        plc.holding(0).setInt16(-2);
        plc.holding(1).setUInt16(65000);
        plc.holding(2).setInt32(-70000);
        plc.holding(4).setUInt32(4_000_000_000L, WordOrder.ABCD);
        plc.holding(6).setInt64(-1, WordOrder.ABCD);
        plc.input(0).setUInt16(42);

        ReadResult r = s.read(List.of(Tag.parse("holding:0:int16"), Tag.parse("holding:1"), Tag.parse("holding:2:int32"),
                Tag.parse("holding:4:uint32"), Tag.parse("holding:6:uint64"), Tag.parse("input:0:uint16"),
                Tag.parse("400002"), Tag.parse("4x00002:int16")));

        assertThat(r.values()).extracting(ModbusReadWriteTest::valueOf).containsExactly((short) -2, 65000, -70000, 4_000_000_000L,
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), 42, 65000, (short) -536);
    }

    @Test
    void readsAndWritesCoilsDiscretesAndRegisterBits() {
        plc.discrete(3).set(true);
        plc.holding(50).setUInt16(0b1000);

        s.write(Tag.of("coil:7", DataType.BOOL), true);
        s.write(Tag.of("coil:10", DataType.BOOL.array(3)), new boolean[] {true, false, true});
        s.write(Tag.of("holding:50.0", DataType.BOOL), true);

        assertThat(plc.coil(7).get()).isTrue();
        assertThat(plc.coil(12).get()).isTrue();
        assertThat(plc.holding(50).getUInt16()).isEqualTo(0b1001);
        ReadResult r = s.read(List.of(Tag.parse("discrete:3"), Tag.parse("coil:7"), Tag.parse("coil:10[3]"),
                Tag.parse("holding:50.3"), Tag.parse("holding:50.1")));
        assertThat(r.values().get(2).value()).isEqualTo(new boolean[] {true, false, true});
        assertThat(r.values()).extracting(ModbusReadWriteTest::valueOf).contains(true, false);
        assertThat(r.values().get(3).value()).isEqualTo(true);
        assertThat(r.values().get(4).value()).isEqualTo(false);
    }

    @Test
    void stringsAndBytesWithAndWithoutByteSwap() {
        plc.holding(200).setString("PUMP-07", 10, false);
        plc.holding(210).setString("ABC", 4, true);

        assertThat(s.read(Tag.parse("holding:200:string(10)")).value()).isEqualTo("PUMP-07");
        assertThat(s.read(Tag.parse("holding:210@BA:string(4)")).value()).isEqualTo("ABC");

        s.write(Tag.of("holding:220@BA", DataType.STRING.length(5)), "hello");
        assertThat(plc.holding(220).getString(5, true)).isEqualTo("hello");
        s.write(Tag.of("holding:230", DataType.BYTES.length(3)), new byte[] {1, 2, 3});
        assertThat(plc.holding(230).words(2)).containsExactly(0x0102, 0x0300);
        assertThatThrownBy(() -> s.write(Tag.of("holding:220", DataType.STRING.length(4)), "too long"))
                .isInstanceOf(dev.otsdk.api.ValueConversionException.class).hasMessageContaining("string(4)");
    }

    @Test
    void arraysAndBlockWrites() {
        Tag<float[]> floats = Tag.of("holding:300@CDAB", DataType.FLOAT32.array(3));
        s.write(floats, new float[] {1.5f, -2f, 3.25f});

        assertThat(plc.holding(302).getFloat32(WordOrder.CDAB)).isEqualTo(-2f);
        assertThat(s.read(floats).value()).containsExactly(1.5f, -2f, 3.25f);
        assertThat(s.read(Tag.parse("holding:300[6]")).value()).isInstanceOf(int[].class);
    }

    @Test
    void coalescesTagsIntoOneRequestWithinTheGap() throws Exception {
        plc.holding(0).setUInt16(1);
        plc.holding(10).setUInt16(2);
        plc.holding(20).setFloat32(3f);
        takeAll();

        ReadResult r = s.read(List.of(Tag.parse("holding:20:float32"), Tag.parse("holding:0"), Tag.parse("holding:10"),
                Tag.parse("coil:0"), Tag.parse("holding:1000")));

        assertThat(r.values()).extracting(ModbusReadWriteTest::valueOf).containsExactly(3f, 1, 2, false, 0);
        List<ModbusRequest> reqs = plc.requests();
        assertThat(reqs).hasSize(3);
        assertThat(reqs).anySatisfy(q -> {
            assertThat(q.function()).isEqualTo(3);
            assertThat(q.address()).isZero();
            assertThat(q.quantity()).isEqualTo(22);
        });
    }

    @Test
    void aRefusedCoalescedReadIsRetriedSoOnlyTheBadTagIsBad() throws Exception {
        plc.holding(5).setUInt16(55);
        plc.faults().once(FaultPoint.ON_REQUEST, q -> q.quantity() > 1,
                ModbusFault.exception(ModbusExceptionCode.ILLEGAL_DATA_ADDRESS));
        plc.faults().once(FaultPoint.ON_REQUEST, q -> q.address() == 7,
                ModbusFault.exception(ModbusExceptionCode.ILLEGAL_DATA_ADDRESS));

        ReadResult r = s.read(List.of(Tag.parse("holding:5"), Tag.parse("holding:7")));

        assertThat(r.values().get(0).value()).isEqualTo(55);
        assertThat(r.values().get(1).quality()).isEqualTo(Quality.BAD);
        assertThat(r.values().get(1).status().name()).isEqualTo("ILLEGAL_DATA_ADDRESS");
        assertThat(r.values().get(1).status().code()).isEqualTo(2);
    }

    @Test
    void aDeviceExceptionOnWriteIsAClearError() {
        plc.faults().once(FaultPoint.ON_REQUEST, ModbusFault.exception(ModbusExceptionCode.SERVER_DEVICE_FAILURE));

        assertThatThrownBy(() -> s.write(Tag.of("holding:1", DataType.UINT16), 5))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("SERVER_DEVICE_FAILURE (4)")
                .hasMessageContaining("holding:1");
    }

    @Test
    void singleWritesUseFc5And6AndBlocksUse15And16() throws Exception {
        takeAll();
        s.write(Tag.of("holding:1", DataType.UINT16), 5);
        s.write(Tag.of("coil:1", DataType.BOOL), true);
        WriteResult w = s.write(List.of(TagWrite.of(Tag.of("holding:2", DataType.UINT16), 6),
                TagWrite.of(Tag.of("holding:3", DataType.INT32), 7), TagWrite.of(Tag.of("coil:2", DataType.BOOL), true),
                TagWrite.of(Tag.of("coil:3", DataType.BOOL), false)));

        assertThat(w.allOk()).isTrue();
        assertThat(plc.requests()).extracting(ModbusRequest::function).containsExactly(6, 5, 16, 15);
        assertThat(plc.holding(3).getInt32(WordOrder.ABCD)).isEqualTo(7);
    }

    @Test
    void forceMultipleUsesFc15And16ForSingleValues() throws Exception {
        try (Session f = ot.connect(plc.uri() + "?forceMultiple=true")) {
            takeAll();
            f.write(Tag.of("holding:1", DataType.UINT16), 5);
            f.write(Tag.of("coil:1", DataType.BOOL), true);
        }
        assertThat(plc.requests()).extracting(ModbusRequest::function).containsExactly(16, 15);
    }

    @Test
    void aTagCanAddressAnotherUnitOverTheSameConnection() {
        plc.unit(2).holding(0).setUInt16(222);
        plc.holding(0).setUInt16(111);

        ReadResult r = s.read(List.of(Tag.parse("holding:0"), Tag.parse("2/holding:0")));

        assertThat(r.values()).extracting(ModbusReadWriteTest::valueOf).containsExactly(111, 222);
        assertThat(plc.requests()).extracting(ModbusRequest::unit).contains(1, 2);
    }

    @Test
    void anUnknownUnitIsAGatewayPathError() {
        TagValue<?> v = s.read(Tag.parse("9/holding:0"));

        assertThat(v.quality()).isEqualTo(Quality.BAD);
        assertThat(v.status().name()).isEqualTo("GATEWAY_PATH_UNAVAILABLE");
    }

    @Test
    void readOnlyAreasCannotBeWritten() {
        assertThatThrownBy(() -> s.write(Tag.of("input:1", DataType.UINT16), 1))
                .isInstanceOf(TagAddressException.class).hasMessageContaining("input is read-only");
    }

    @Test
    void badAddressesNameThePosition() {
        assertThatThrownBy(() -> s.read(Tag.parse("holdng:1")))
                .isInstanceOf(TagAddressException.class).hasMessageContaining("at position 0");
    }

    @Test
    void writesAreAcknowledgedEvenWhenRepliesArriveSplit() {
        plc.faults().once(FaultPoint.ON_REPLY_WRITE, Fault.splitWrites(1, 3, 2));

        s.write(Tag.of("holding:9", DataType.UINT16), 99);

        assertThat(plc.holding(9).getUInt16()).isEqualTo(99);
    }

    static Object valueOf(TagValue<?> v) {
        return v.value();
    }

    private void takeAll() throws InterruptedException {
        while (plc.takeRequest(java.time.Duration.ZERO) != null) {
            // drain
        }
    }
}
