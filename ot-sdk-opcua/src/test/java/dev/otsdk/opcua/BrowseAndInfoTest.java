package dev.otsdk.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.BrowseNode;
import dev.otsdk.api.Capability;
import dev.otsdk.api.DataType;
import dev.otsdk.api.DeviceException;
import dev.otsdk.api.DeviceInfo;
import dev.otsdk.api.OtClient;
import dev.otsdk.api.Session;
import dev.otsdk.testkit.EmulatorTest;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.StartStop;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EmulatorTest
class BrowseAndInfoTest {

    @StartStop
    static final OpcUaEmulator PLC = new OpcUaEmulator();

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

    static BrowseNode named(List<BrowseNode> nodes, String displayName) {
        return nodes.stream().filter(n -> n.displayName().equals(displayName)).findFirst().orElseThrow(
                () -> new AssertionError(displayName + " not in " + nodes));
    }

    @Test
    void browsesFromTheObjectsFolderDownToVariablesWithTypeAndAccess() {
        assertThat(session.capabilities()).contains(Capability.BROWSE, Capability.DEVICE_INFO,
                Capability.NATIVE_SUBSCRIPTIONS);
        List<BrowseNode> top = session.browse("");
        BrowseNode demo = named(top, "Demo");
        assertThat(demo.kind()).isEqualTo(BrowseNode.Kind.OBJECT);
        assertThat(demo.hasChildren()).isTrue();
        assertThat(named(top, "Server").kind()).isEqualTo(BrowseNode.Kind.OBJECT);

        List<BrowseNode> scalars = session.browse(named(session.browse(demo.address()), "Scalars").address());
        BrowseNode dbl = named(scalars, "Double");
        assertThat(dbl.kind()).isEqualTo(BrowseNode.Kind.VARIABLE);
        assertThat(dbl.address()).isEqualTo(PLC.nodeId("Demo/Scalars/Double"));
        assertThat(dbl.browseName()).endsWith(":Double");
        assertThat(dbl.dataTypeName()).isEqualTo("Double");
        assertThat(dbl.type()).isEqualTo(DataType.FLOAT64);
        assertThat(dbl.readable()).isTrue();
        assertThat(dbl.writable()).isTrue();
        assertThat(dbl.hasChildren()).isFalse();
        assertThat(named(scalars, "UInt16").type()).isEqualTo(DataType.UINT16);
        assertThat(named(scalars, "LocalizedText").type()).isEqualTo(DataType.STRING);
        assertThat(session.read(dbl.toTag()).value()).isEqualTo(21.5);

        BrowseNode serial = named(session.browse(PLC.nodeId("Demo/ReadOnly")), "Serial");
        assertThat(serial.writable()).isFalse();
        BrowseNode array = named(session.browse(PLC.nodeId("Demo/Arrays")), "Int16");
        assertThat(array.type()).isEqualTo(DataType.INT16.array());
        BrowseNode level = named(session.browse(PLC.nodeId("Demo/Analog")), "Level");
        assertThat(level.hasChildren()).as("EURange and EngineeringUnits properties").isTrue();
    }

    @Test
    void browsingAnUnknownNodeFailsWithItsStatus() {
        assertThatThrownBy(() -> session.browse("ns=2;s=Nope")).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.status().name()).isEqualTo("Bad_NodeIdUnknown"));
    }

    @Test
    void deviceInfoCarriesBuildInfoStateAndTime() {
        DeviceInfo info = session.deviceInfo();
        assertThat(info.vendor()).isEqualTo("OT SDK");
        assertThat(info.product()).isEqualTo("OT SDK OPC UA emulator");
        assertThat(info.version()).isEqualTo("1.0.0");
        assertThat(info.properties()).containsEntry("state", "Running")
                .containsEntry("productUri", "urn:dev.otsdk:opcua-emulator")
                .containsEntry("securityPolicy", "None")
                .containsKeys("currentTime", "startTime", "buildNumber", "endpointUrl");
        Instant now = Instant.parse(info.properties().get("currentTime"));
        assertThat(now).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(60));
    }
}
