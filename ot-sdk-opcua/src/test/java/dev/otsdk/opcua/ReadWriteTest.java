package dev.otsdk.opcua;

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
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EmulatorTest
class ReadWriteTest {

    @StartStop
    static final OpcUaEmulator PLC = OpcUaEmulator.builder().demoNodes()
            .variable("W/Int32", OpcUaType.INT32, 0)
            .variable("W/UInt64", OpcUaType.UINT64, BigInteger.ZERO)
            .array("W/Float", OpcUaType.FLOAT, new float[0])
            .variable("W/UInt16", OpcUaType.UINT16, 0)
            .variable("W/Text", OpcUaType.LOCALIZED_TEXT, "")
            .build();

    static OtClient client;
    static Session session;

    @BeforeAll
    static void connect() {
        client = OtClient.create();
        session = OpcUaTesting.plain(client, PLC.uri());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    static String node(String path) {
        return PLC.nodeId(path);
    }

    @Test
    void readsEveryScalarTypeWithItsNaturalJavaType() {
        ReadResult r = session.read(List.of(
                Tag.of(node("Demo/Scalars/Boolean"), DataType.BOOL),
                Tag.of(node("Demo/Scalars/SByte"), DataType.INT8),
                Tag.of(node("Demo/Scalars/Byte"), DataType.UINT8),
                Tag.of(node("Demo/Scalars/Int16"), DataType.INT16),
                Tag.of(node("Demo/Scalars/UInt16"), DataType.UINT16),
                Tag.of(node("Demo/Scalars/Int32"), DataType.INT32),
                Tag.of(node("Demo/Scalars/UInt32"), DataType.UINT32),
                Tag.of(node("Demo/Scalars/Int64"), DataType.INT64),
                Tag.of(node("Demo/Scalars/UInt64"), DataType.UINT64),
                Tag.of(node("Demo/Scalars/Float"), DataType.FLOAT32),
                Tag.of(node("Demo/Scalars/Double"), DataType.FLOAT64),
                Tag.of(node("Demo/Scalars/String"), DataType.STRING),
                Tag.of(node("Demo/Scalars/DateTime"), DataType.DATETIME),
                Tag.of(node("Demo/Scalars/ByteString"), DataType.BYTES)));
        assertThat(r.allGood()).as("%s", r).isTrue();
        assertThat(r.values().stream().map(v -> (Object) v.value()).toList()).containsExactly(true, (byte) -8, (short) 200,
                (short) -1600, 60000, -320000, 4_000_000_000L, -6_400_000_000L, new BigInteger("18000000000000000000"),
                3.25f, 21.5, "hello", Instant.parse("2024-01-02T03:04:05Z"), new byte[] {1, 2, 3});
        assertThat(r.get(0).sourceTime()).isPresent();
        assertThat(r.get(0).serverTime()).isPresent();
    }

    @Test
    void autoTagsGetTheVariablesType() {
        ReadResult r = session.read(List.of(Tag.of(node("Demo/Scalars/UInt16")), Tag.of(node("Demo/Scalars/Guid")),
                Tag.of(node("Demo/Scalars/LocalizedText")), Tag.of(node("Demo/Scalars/QualifiedName")),
                Tag.of(node("Demo/Scalars/StatusCode")), Tag.of(node("Demo/Arrays/Int16"))));
        assertThat(r.values().stream().map(v -> (Object) v.value()).toList()).containsExactly(60000,
                "09087e75-8e5e-499b-954f-f2a9603db28a", "Hallo", "1:Name", 0x80340000L, new short[] {1, -2, 3});
    }

    @Test
    void readsArrays() {
        TagValue<double[]> v = session.read(Tag.of(node("Demo/Arrays/Double"), DataType.FLOAT64.array()));
        assertThat(v.value()).containsExactly(0.5, 1.5, 2.5);
        TagValue<String[]> s = session.read(Tag.of(node("Demo/Arrays/String"), DataType.STRING.array(2)));
        assertThat(s.value()).containsExactly("a", "b");
    }

    @Test
    void widensLosslesslyButRefusesOtherTypesNamingTagAndTypes() {
        assertThat(session.read(Tag.of(node("Demo/Scalars/Float"), DataType.FLOAT64)).value()).isEqualTo(3.25);
        assertThat(session.read(Tag.of(node("Demo/Scalars/Int16"), DataType.INT64)).value()).isEqualTo(-1600L);
        Tag<Short> wrong = Tag.of(node("Demo/Scalars/Double"), DataType.INT16);
        TagValue<Short> v = session.read(wrong);
        assertThat(v.quality()).isEqualTo(Quality.BAD);
        assertThat(v.status().name()).isEqualTo("Bad_TypeMismatch");
        assertThat(v.status().description()).contains(wrong.toString()).contains("int16").contains("Double");
        assertThatThrownBy(v::value).isInstanceOf(DeviceException.class).hasMessageContaining("Bad_TypeMismatch")
                .hasMessageContaining("int16").hasMessageContaining("Double");
        assertThat(session.read(Tag.of(node("Demo/Arrays/Int32"), DataType.INT32)).status().description())
                .contains("Int32[]");
    }

    @Test
    void aMistypedTagDoesNotFailTheOthersOfARead() {
        ReadResult r = session.read(List.of(Tag.of(node("Demo/Scalars/Float"), DataType.FLOAT64),
                Tag.of(node("Demo/Scalars/Double"), DataType.INT16), Tag.of(node("Demo/Scalars/Int16"), DataType.INT32)));
        assertThat(r.get(0).isGood()).isTrue();
        assertThat(r.get(1).status().name()).isEqualTo("Bad_TypeMismatch");
        assertThat(r.get(2).valueOrNull()).isEqualTo(-1600);
    }

    @Test
    void writesAndTheEmulatorSeesIt() {
        PLC.clearWrites();
        session.write(Tag.of(node("W/Int32"), DataType.INT32), 42);
        session.write(Tag.of(node("W/UInt64"), DataType.UINT64), BigInteger.TWO.pow(63));
        session.write(Tag.of(node("W/Float"), DataType.FLOAT32.array()), new float[] {9f, 8f, 7f});
        assertThat(PLC.value("W/Int32")).isEqualTo(42);
        assertThat(PLC.value("W/UInt64")).isEqualTo(BigInteger.TWO.pow(63));
        assertThat((Float[]) PLC.value("W/Float")).containsExactly(9f, 8f, 7f);
        assertThat(PLC.writes()).extracting(OpcUaEmulator.Write::path).containsExactly("W/Int32",
                "W/UInt64", "W/Float");
        assertThat(session.read(Tag.of(node("W/Int32"), DataType.INT32)).value()).isEqualTo(42);
    }

    @Test
    void autoWritesUseTheVariablesType() {
        session.write(Tag.of(node("W/UInt16")), "1234");
        session.write(Tag.of(node("W/Text")), "Servus");
        assertThat(PLC.value("W/UInt16")).isEqualTo(1234);
        assertThat(PLC.value("W/Text")).isEqualTo("Servus");
    }

    @Test
    void badStatusesBecomeBadValuesWithTheStatusName() {
        ReadResult r = session.read(List.of(Tag.of("ns=2;s=No/Such/Node", DataType.FLOAT64),
                Tag.of(node("Demo/Scalars/Double"), DataType.FLOAT64)));
        assertThat(r.get(0).quality()).isEqualTo(Quality.BAD);
        assertThat(r.get(0).status().name()).isEqualTo("Bad_NodeIdUnknown");
        assertThat(r.get(0).status().code()).isEqualTo(0x80340000L);
        assertThat(r.get(1).isGood()).isTrue();
        WriteResult w = session.write(List.of(new TagWrite<>(Tag.of(node("Demo/ReadOnly/Serial"), DataType.STRING),
                "X")));
        assertThat(w.outcomes().get(0).status().name()).isIn("Bad_NotWritable", "Bad_UserAccessDenied");
    }

    @Test
    void namespaceUrisResolveThroughTheServersTable() {
        assertThat(session.read(Tag.of(PLC.expandedNodeId("Demo/Scalars/String"), DataType.STRING)).value())
                .isEqualTo(PLC.value("Demo/Scalars/String"));
        TagValue<String> unknown = session.read(Tag.of("nsu=urn:nobody;s=X", DataType.STRING));
        assertThat(unknown.status().name()).isEqualTo("Bad_NodeIdUnknown");
        assertThat(unknown.status().description()).contains("urn:nobody");
    }

    @Test
    void badNodeIdsAreRefusedWithThePosition() {
        assertThatThrownBy(() -> session.read(Tag.of("ns=2;x=Foo", DataType.INT16)))
                .isInstanceOfSatisfying(TagAddressException.class, e -> assertThat(e.position()).isEqualTo(5));
        assertThatThrownBy(() -> session.read(Tag.of("i=12a", DataType.INT16)))
                .isInstanceOfSatisfying(TagAddressException.class, e -> assertThat(e.position()).isEqualTo(4));
        assertThatThrownBy(() -> session.read(Tag.of("ns=2;s=X", DataType.DATE)))
                .isInstanceOf(TagAddressException.class).hasMessageContaining("OPC UA");
    }

    @Test
    void requestsTimeOutWhenTheServerStopsAnswering() {
        PLC.stopAnswering();
        try {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> session.read(Tag.of(node("Demo/Scalars/Double"), DataType.FLOAT64)))
                    .isInstanceOf(dev.otsdk.api.OtException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(12));
        } finally {
            PLC.resumeAnswering();
        }
    }
}
