package dev.otsdk.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import dev.otsdk.api.DataType;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.api.Tag;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values written by the SDK arrive at Milo's own client as the expected OPC UA built-in type and value,
 * and values Milo writes read back through the SDK as the expected Java value: our conversions cannot
 * drift from Milo's encoding unnoticed.
 */
@EmulatorTest
class MiloCrossCheckTest {

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder()
            .variable("Bool", OpcUaType.BOOLEAN, false)
            .variable("SByte", OpcUaType.SBYTE, (byte) 0)
            .variable("Byte", OpcUaType.BYTE, (short) 0)
            .variable("Int16", OpcUaType.INT16, (short) 0)
            .variable("UInt16", OpcUaType.UINT16, 0)
            .variable("Int32", OpcUaType.INT32, 0)
            .variable("UInt32", OpcUaType.UINT32, 0L)
            .variable("Int64", OpcUaType.INT64, 0L)
            .variable("UInt64", OpcUaType.UINT64, BigInteger.ZERO)
            .variable("Float", OpcUaType.FLOAT, 0f)
            .variable("Double", OpcUaType.DOUBLE, 0.0)
            .variable("String", OpcUaType.STRING, "")
            .variable("DateTime", OpcUaType.DATE_TIME, Instant.EPOCH)
            .variable("ByteString", OpcUaType.BYTE_STRING, new byte[0])
            .array("Int16s", OpcUaType.INT16, new short[0])
            .array("UInt32s", OpcUaType.UINT32, new long[0])
            .array("Doubles", OpcUaType.DOUBLE, new double[0])
            .build();

    static OtClient client;
    static Session session;
    static OpcUaClient milo;

    @BeforeAll
    static void connect() throws Exception {
        client = OtClient.create();
        session = OpcUaTesting.plain(client, PLC.uri());
        milo = OpcUaClient.create(PLC.uri(), endpoints -> endpoints.stream()
                .filter(e -> Objects.equals(e.getSecurityPolicyUri(), SecurityPolicy.None.getUri())).findFirst(),
                t -> { }, c -> { });
        milo.connect();
    }

    @AfterAll
    static void close() throws Exception {
        milo.disconnect();
        client.close();
    }

    static Stream<Arguments> cases() {
        Instant t = Instant.parse("2025-06-07T08:09:10.123456700Z");
        return Stream.of(
                Arguments.of("Bool", DataType.BOOL, true, true),
                Arguments.of("SByte", DataType.INT8, (byte) -128, (byte) -128),
                Arguments.of("Byte", DataType.UINT8, (short) 255, ubyte(255)),
                Arguments.of("Int16", DataType.INT16, Short.MIN_VALUE, Short.MIN_VALUE),
                Arguments.of("UInt16", DataType.UINT16, 65535, ushort(65535)),
                Arguments.of("Int32", DataType.INT32, Integer.MIN_VALUE, Integer.MIN_VALUE),
                Arguments.of("UInt32", DataType.UINT32, 4_294_967_295L, uint(4_294_967_295L)),
                Arguments.of("Int64", DataType.INT64, Long.MIN_VALUE, Long.MIN_VALUE),
                Arguments.of("UInt64", DataType.UINT64, new BigInteger("18446744073709551615"),
                        ULong.valueOf(new BigInteger("18446744073709551615"))),
                Arguments.of("Float", DataType.FLOAT32, -1.25e-3f, -1.25e-3f),
                Arguments.of("Double", DataType.FLOAT64, Math.PI, Math.PI),
                Arguments.of("Double", DataType.DURATION, Duration.ofMillis(1500), 1500.0),
                Arguments.of("String", DataType.STRING, "grüße ✓", "grüße ✓"),
                Arguments.of("DateTime", DataType.DATETIME, t, new DateTime(t)),
                Arguments.of("ByteString", DataType.BYTES, new byte[] {0, -1, 127}, ByteString.of(new byte[] {0, -1, 127})),
                Arguments.of("Int16s", DataType.INT16.array(), new short[] {-1, 0, 1}, new Short[] {-1, 0, 1}),
                Arguments.of("UInt32s", DataType.UINT32.array(), new long[] {0, 4_294_967_295L},
                        new UInteger[] {uint(0), uint(4_294_967_295L)}),
                Arguments.of("Doubles", DataType.FLOAT64.array(), new double[] {0.5, -0.0}, new Double[] {0.5, -0.0}));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("cases")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void sdkAndMiloAgreeBothWays(String path, DataType<?> type, Object sdkValue, Object miloValue) throws Exception {
        NodeId node = NodeId.parse(PLC.nodeId(path));
        Tag tag = Tag.of(PLC.nodeId(path), type);

        session.write(tag, sdkValue);
        DataValue seen = milo.readValue(0, TimestampsToReturn.Neither, node);
        assertThat(seen.getValue().getValue()).isEqualTo(miloValue);

        PLC.clearWrites();
        assertThat(milo.writeValues(List.of(node), List.of(DataValue.valueOnly(new Variant(miloValue)))))
                .allMatch(org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode::isGood);
        assertThat(PLC.writes()).hasSize(1);
        assertThat(session.read(tag).value()).isEqualTo(sdkValue);
    }
}
