package dev.otsdk.testkit;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The demo address space of {@link OpcUaEmulator.Builder#demoNodes()}. */
final class DemoNodes {

    private DemoNodes() {
    }

    static void addTo(OpcUaEmulator.Builder b) {
        String s = "Demo/Scalars/";
        b.variable(s + "Boolean", OpcUaType.BOOLEAN, true)
                .variable(s + "SByte", OpcUaType.SBYTE, (byte) -8)
                .variable(s + "Byte", OpcUaType.BYTE, (short) 200)
                .variable(s + "Int16", OpcUaType.INT16, (short) -1600)
                .variable(s + "UInt16", OpcUaType.UINT16, 60000)
                .variable(s + "Int32", OpcUaType.INT32, -320000)
                .variable(s + "UInt32", OpcUaType.UINT32, 4_000_000_000L)
                .variable(s + "Int64", OpcUaType.INT64, -6_400_000_000L)
                .variable(s + "UInt64", OpcUaType.UINT64, new BigInteger("18000000000000000000"))
                .variable(s + "Float", OpcUaType.FLOAT, 3.25f)
                .variable(s + "Double", OpcUaType.DOUBLE, 21.5)
                .variable(s + "String", OpcUaType.STRING, "hello")
                .variable(s + "DateTime", OpcUaType.DATE_TIME, Instant.parse("2024-01-02T03:04:05Z"))
                .variable(s + "Guid", OpcUaType.GUID, UUID.fromString("09087e75-8e5e-499b-954f-f2a9603db28a"))
                .variable(s + "ByteString", OpcUaType.BYTE_STRING, new byte[] {1, 2, 3})
                .variable(s + "XmlElement", OpcUaType.XML_ELEMENT, "<a>1</a>")
                .variable(s + "NodeId", OpcUaType.NODE_ID, "ns=1;s=Example")
                .variable(s + "ExpandedNodeId", OpcUaType.EXPANDED_NODE_ID, "nsu=urn:example;i=5")
                .variable(s + "StatusCode", OpcUaType.STATUS_CODE, 0x80340000L)
                .variable(s + "QualifiedName", OpcUaType.QUALIFIED_NAME, "1:Name")
                .variable(s + "LocalizedText", OpcUaType.LOCALIZED_TEXT, "Hallo");
        String a = "Demo/Arrays/";
        b.array(a + "Boolean", OpcUaType.BOOLEAN, new boolean[] {true, false, true})
                .array(a + "Int16", OpcUaType.INT16, new short[] {1, -2, 3})
                .array(a + "UInt16", OpcUaType.UINT16, new int[] {1, 2, 65535})
                .array(a + "Int32", OpcUaType.INT32, new int[] {10, 20, 30, 40})
                .array(a + "Float", OpcUaType.FLOAT, new float[] {1.5f, 2.5f})
                .array(a + "Double", OpcUaType.DOUBLE, new double[] {0.5, 1.5, 2.5})
                .array(a + "String", OpcUaType.STRING, new String[] {"a", "b"});
        b.readOnly("Demo/ReadOnly/Serial", OpcUaType.STRING, "OTSDK-0001")
                .analog("Demo/Analog/Level", 50.0, 0.0, 100.0)
                .generated("Demo/Dynamic/Counter", OpcUaType.INT32, Duration.ofMillis(100),
                        t -> (int) ((t.toEpochMilli() / 100) % 1_000_000))
                .generated("Demo/Dynamic/Sine", OpcUaType.DOUBLE, Duration.ofMillis(100),
                        t -> Math.sin(t.toEpochMilli() / 1000.0 * Math.PI / 5));
    }
}
