package dev.otsdk.testkit.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ubyte;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;
import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;

import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaType;
import dev.otsdk.testkit.StartStop;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExpandedNodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.XmlElement;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.Range;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The declarative address space as Milo's own client sees it: folders, types, values, access levels. */
@EmulatorTest
class OpcUaAddressSpaceTest {

    /** For every type: the plain value declared, the value Milo's client reads, the DataType NodeId. */
    static final Map<OpcUaType, Object[]> SCALARS = new EnumMap<>(Map.ofEntries(
            Map.entry(OpcUaType.BOOLEAN, new Object[] {true, true, NodeIds.Boolean}),
            Map.entry(OpcUaType.SBYTE, new Object[] {(byte) -8, (byte) -8, NodeIds.SByte}),
            Map.entry(OpcUaType.BYTE, new Object[] {(short) 200, ubyte(200), NodeIds.Byte}),
            Map.entry(OpcUaType.INT16, new Object[] {(short) -1600, (short) -1600, NodeIds.Int16}),
            Map.entry(OpcUaType.UINT16, new Object[] {60000, ushort(60000), NodeIds.UInt16}),
            Map.entry(OpcUaType.INT32, new Object[] {-320000, -320000, NodeIds.Int32}),
            Map.entry(OpcUaType.UINT32, new Object[] {4_000_000_000L, uint(4_000_000_000L), NodeIds.UInt32}),
            Map.entry(OpcUaType.INT64, new Object[] {-6_400_000_000L, -6_400_000_000L, NodeIds.Int64}),
            Map.entry(OpcUaType.UINT64, new Object[] {new BigInteger("18000000000000000000"),
                    ULong.valueOf(new BigInteger("18000000000000000000")), NodeIds.UInt64}),
            Map.entry(OpcUaType.FLOAT, new Object[] {3.25f, 3.25f, NodeIds.Float}),
            Map.entry(OpcUaType.DOUBLE, new Object[] {21.5, 21.5, NodeIds.Double}),
            Map.entry(OpcUaType.STRING, new Object[] {"grüße", "grüße", NodeIds.String}),
            Map.entry(OpcUaType.DATE_TIME, new Object[] {Instant.parse("2024-01-02T03:04:05Z"),
                    new DateTime(Instant.parse("2024-01-02T03:04:05Z")), NodeIds.DateTime}),
            Map.entry(OpcUaType.GUID, new Object[] {UUID.fromString("09087e75-8e5e-499b-954f-f2a9603db28a"),
                    UUID.fromString("09087e75-8e5e-499b-954f-f2a9603db28a"), NodeIds.Guid}),
            Map.entry(OpcUaType.BYTE_STRING, new Object[] {new byte[] {1, 2, 3}, ByteString.of(new byte[] {1, 2, 3}),
                    NodeIds.ByteString}),
            Map.entry(OpcUaType.XML_ELEMENT, new Object[] {"<a>1</a>", XmlElement.of("<a>1</a>"), NodeIds.XmlElement}),
            Map.entry(OpcUaType.NODE_ID, new Object[] {"ns=1;s=Example", NodeId.parse("ns=1;s=Example"),
                    NodeIds.NodeId}),
            Map.entry(OpcUaType.EXPANDED_NODE_ID, new Object[] {"nsu=urn:example;i=5",
                    ExpandedNodeId.parse("nsu=urn:example;i=5"), NodeIds.ExpandedNodeId}),
            Map.entry(OpcUaType.STATUS_CODE, new Object[] {0x80340000L, new StatusCode(0x80340000L),
                    NodeIds.StatusCode}),
            Map.entry(OpcUaType.QUALIFIED_NAME, new Object[] {"1:Name", new QualifiedName(1, "Name"),
                    NodeIds.QualifiedName}),
            Map.entry(OpcUaType.LOCALIZED_TEXT, new Object[] {"Hallo", LocalizedText.english("Hallo"),
                    NodeIds.LocalizedText})));

    @StartStop
    static final OpcUaEmulator PLC = build();

    static OpcUaClient milo;

    static OpcUaEmulator build() {
        OpcUaEmulator.Builder b = OpcUaEmulator.builder()
                .variable("Top", OpcUaType.INT32, 1)
                .readOnly("Plant/Serial", OpcUaType.STRING, "A-113")
                .variable("Plant/Line1/Speed", OpcUaType.DOUBLE, 1.5)
                .array("Arrays/Int16", OpcUaType.INT16, new short[] {1, -2, 3})
                .array("Arrays/Byte", OpcUaType.BYTE, new short[] {0, 255})
                .array("Arrays/UInt32", OpcUaType.UINT32, new long[] {0, 4_294_967_295L})
                .array("Arrays/Double", OpcUaType.DOUBLE, new Double[] {0.5, -1.5})
                .array("Arrays/Boolean", OpcUaType.BOOLEAN, new boolean[] {true, false})
                .array("Arrays/String", OpcUaType.STRING, new String[] {"a", "b"})
                .analog("Analog/Level", 50.0, 0.0, 100.0)
                .generated("Dynamic/Tick", OpcUaType.INT64, Duration.ofHours(1), Instant::getEpochSecond);
        SCALARS.forEach((type, v) -> b.variable("Scalars/" + type.name(), type, v[0]));
        return b.build();
    }

    @BeforeAll
    static void connect() throws UaException {
        milo = MiloClients.connect(PLC.uri());
    }

    @AfterAll
    static void disconnect() {
        MiloClients.disconnect(milo);
    }

    static NodeId node(String path) {
        return NodeId.parse(PLC.nodeId(path));
    }

    static Object attribute(String path, AttributeId attribute) throws UaException {
        var dv = MiloClients.readAttribute(milo, node(path), attribute);
        assertThat(dv.getStatusCode().isGood()).as("%s of %s: %s", attribute, path, dv.getStatusCode()).isTrue();
        return dv.getValue().getValue();
    }

    static List<ReferenceDescription> browse(NodeId node, NodeId referenceType) throws UaException {
        var d = new BrowseDescription(node, BrowseDirection.Forward, referenceType, true,
                uint(0), uint(BrowseResultMask.All.getValue()));
        var r = milo.browse(d);
        assertThat(r.getStatusCode().isGood()).isTrue();
        return List.of(r.getReferences());
    }

    static List<String> names(List<ReferenceDescription> refs) {
        return refs.stream().map(r -> r.getBrowseName().getName()).toList();
    }

    @Test
    void everyTypeHasAVariableInThisTest() {
        assertThat(SCALARS).containsOnlyKeys(OpcUaType.values());
    }

    @ParameterizedTest
    @EnumSource(OpcUaType.class)
    void everyBuiltInScalarTypeHasItsDataTypeAndValue(OpcUaType type) throws UaException {
        String path = "Scalars/" + type.name();
        Object[] expected = SCALARS.get(type);

        assertThat(attribute(path, AttributeId.DataType)).isEqualTo(expected[2]);
        assertThat(attribute(path, AttributeId.ValueRank)).isEqualTo(-1);
        assertThat(attribute(path, AttributeId.Value)).isEqualTo(expected[1]);
        assertThat(PLC.value(path)).isEqualTo(expected[0]).isInstanceOf(type.javaType());
    }

    @Test
    void arraysHaveTheirElementTypeRankOneAndTheirValues() throws UaException {
        Map<String, Object[]> arrays = Map.of(
                "Arrays/Int16", new Object[] {NodeIds.Int16, new Short[] {1, -2, 3}},
                "Arrays/Byte", new Object[] {NodeIds.Byte, new UByte[] {ubyte(0), ubyte(255)}},
                "Arrays/UInt32", new Object[] {NodeIds.UInt32, new UInteger[] {uint(0), uint(4_294_967_295L)}},
                "Arrays/Double", new Object[] {NodeIds.Double, new Double[] {0.5, -1.5}},
                "Arrays/Boolean", new Object[] {NodeIds.Boolean, new Boolean[] {true, false}},
                "Arrays/String", new Object[] {NodeIds.String, new String[] {"a", "b"}});
        for (var e : arrays.entrySet()) {
            String path = e.getKey();
            assertThat(attribute(path, AttributeId.DataType)).as(path).isEqualTo(e.getValue()[0]);
            assertThat(attribute(path, AttributeId.ValueRank)).as(path).isEqualTo(1);
            assertThat(attribute(path, AttributeId.ArrayDimensions)).as(path).isEqualTo(new UInteger[] {uint(0)});
            assertThat(attribute(path, AttributeId.Value)).as(path).isEqualTo(e.getValue()[1]);
        }
        assertThat(PLC.value("Arrays/Int16")).isEqualTo(new short[] {1, -2, 3});
    }

    @Test
    void foldersAreMadeFromThePathsUnderTheObjectsFolder() throws UaException {
        List<ReferenceDescription> top = browse(NodeIds.ObjectsFolder, NodeIds.Organizes);
        assertThat(names(top)).contains("Top", "Plant", "Arrays", "Scalars", "Analog", "Dynamic");
        ReferenceDescription plant = top.stream().filter(r -> r.getBrowseName().getName().equals("Plant"))
                .findFirst().orElseThrow();
        assertThat(plant.getNodeClass()).isEqualTo(NodeClass.Object);
        assertThat(plant.getTypeDefinition().toNodeId(milo.getNamespaceTable())).contains(NodeIds.FolderType);
        assertThat(plant.getNodeId().toNodeId(milo.getNamespaceTable())).contains(node("Plant"));
        assertThat(plant.getBrowseName().getNamespaceIndex()).isEqualTo(node("Plant").getNamespaceIndex());

        List<ReferenceDescription> inPlant = browse(node("Plant"), NodeIds.Organizes);
        assertThat(names(inPlant)).containsExactlyInAnyOrder("Serial", "Line1");
        assertThat(inPlant).filteredOn(r -> r.getBrowseName().getName().equals("Serial"))
                .singleElement().satisfies(r -> {
                    assertThat(r.getNodeClass()).isEqualTo(NodeClass.Variable);
                    assertThat(r.getTypeDefinition().toNodeId(milo.getNamespaceTable()))
                            .contains(NodeIds.BaseDataVariableType);
                });
        assertThat(names(browse(node("Plant/Line1"), NodeIds.Organizes))).containsExactly("Speed");
    }

    @Test
    void nodeIdsAreInTheEmulatorsNamespace() throws UaException {
        NodeId speed = node("Plant/Line1/Speed");
        assertThat(speed.getIdentifier()).isEqualTo("Plant/Line1/Speed");
        assertThat(milo.getNamespaceTable().getIndex(OpcUaEmulator.NAMESPACE_URI))
                .isEqualTo(speed.getNamespaceIndex());
        NodeId expanded = ExpandedNodeId.parse(PLC.expandedNodeId("Plant/Line1/Speed"))
                .toNodeIdOrThrow(milo.getNamespaceTable());
        assertThat(expanded).isEqualTo(speed);
        assertThat(attribute("Plant/Line1/Speed", AttributeId.DisplayName)).isEqualTo(LocalizedText.english("Speed"));
        assertThat(PLC.variables()).startsWith("Top", "Plant/Serial", "Plant/Line1/Speed");
    }

    @Test
    void writableAndReadOnlyVariablesHaveTheirAccessLevels() throws UaException {
        UByte readWrite = ubyte(0x03);
        UByte readOnly = ubyte(0x01);
        for (String path : List.of("Top", "Plant/Line1/Speed", "Arrays/Int16", "Analog/Level", "Scalars/STRING")) {
            assertThat(attribute(path, AttributeId.AccessLevel)).as(path).isEqualTo(readWrite);
            assertThat(attribute(path, AttributeId.UserAccessLevel)).as(path).isEqualTo(readWrite);
        }
        for (String path : List.of("Plant/Serial", "Dynamic/Tick")) {
            assertThat(attribute(path, AttributeId.AccessLevel)).as(path).isEqualTo(readOnly);
            assertThat(attribute(path, AttributeId.UserAccessLevel)).as(path).isEqualTo(readOnly);
        }
    }

    @Test
    void writingAReadOnlyVariableIsRefusedAndChangesNothing() throws UaException {
        PLC.clearWrites();

        StatusCode serial = MiloClients.write(milo, PLC.nodeId("Plant/Serial"), "B-114");
        StatusCode tick = MiloClients.write(milo, PLC.nodeId("Dynamic/Tick"), 5L);

        // Milo 1.1 checks the UserAccessLevel first (Bad_UserAccessDenied); the AccessLevel gives Bad_NotWritable.
        assertThat(List.of(serial.value(), tick.value())).allSatisfy(c -> assertThat(c)
                .isIn(StatusCodes.Bad_UserAccessDenied, StatusCodes.Bad_NotWritable));
        assertThat(attribute("Plant/Serial", AttributeId.Value)).isEqualTo("A-113");
        assertThat(PLC.value("Plant/Serial")).isEqualTo("A-113");
        assertThat(PLC.writes()).isEmpty();
    }

    @Test
    void analogVariablesAreAnalogItemsWithTheirEngineeringRange() throws UaException {
        List<ReferenceDescription> type = browse(node("Analog/Level"), NodeIds.HasTypeDefinition);
        assertThat(type).singleElement().satisfies(r -> assertThat(r.getNodeId().toNodeId(milo.getNamespaceTable()))
                .contains(NodeIds.AnalogItemType));
        List<ReferenceDescription> properties = browse(node("Analog/Level"), NodeIds.HasProperty);
        ReferenceDescription euRange = properties.stream()
                .filter(r -> r.getBrowseName().getName().equals("EURange")).findFirst().orElseThrow();
        NodeId rangeNode = euRange.getNodeId().toNodeIdOrThrow(milo.getNamespaceTable());
        Object range = MiloClients.readAttribute(milo, rangeNode, AttributeId.Value).getValue().getValue();
        assertThat(range).isInstanceOf(org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject.class);
        Range decoded = (Range) ((org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject) range)
                .decode(milo.getStaticEncodingContext());
        assertThat(decoded.getLow()).isEqualTo(0.0);
        assertThat(decoded.getHigh()).isEqualTo(100.0);
        assertThat(attribute("Analog/Level", AttributeId.Value)).isEqualTo(50.0);
    }
}
