package dev.otsdk.testkit.opcua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.testkit.Emulator;
import dev.otsdk.testkit.EmulatorFactory;
import dev.otsdk.testkit.OpcUaEmulator;
import dev.otsdk.testkit.OpcUaEmulatorFactory;
import dev.otsdk.testkit.Ports;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.junit.jupiter.api.Test;

/** {@code otsdk emulate opcua}: the factory is found by name and its emulators serve what the options say. */
class OpcUaEmulatorFactoryTest {

    final EmulatorFactory factory = new OpcUaEmulatorFactory();

    @Test
    void theServiceLoaderFindsItAsOpcua() {
        List<EmulatorFactory> found = ServiceLoader.load(EmulatorFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.name().equals("opcua")).toList();

        assertThat(found).singleElement().isInstanceOf(OpcUaEmulatorFactory.class);
        assertThat(factory.description()).contains("OPC UA");
    }

    @Test
    void byDefaultItServesTheDemoAddressSpaceOnEveryEndpoint() throws Exception {
        Emulator e = factory.create(0, Map.of());
        assertThat(e).isInstanceOf(OpcUaEmulator.class);
        assertThat(e.isRunning()).isFalse();
        try (OpcUaEmulator plc = (OpcUaEmulator) e) {
            plc.start();

            assertThat(plc.uri()).startsWith("opc.tcp://127.0.0.1:").endsWith("/otsdk");
            assertThat(MiloClients.endpoints(plc.uri())).hasSize(11);
            OpcUaClient milo = MiloClients.connect(plc.uri());
            try {
                assertThat(MiloClients.readValue(milo, plc.nodeId("Demo/Scalars/Double")).getValue().getValue())
                        .isEqualTo(21.5);
                assertThat(MiloClients.readValue(milo, plc.nodeId("Demo/ReadOnly/Serial")).getValue().getValue())
                        .isEqualTo("OTSDK-0001");
            } finally {
                MiloClients.disconnect(milo);
            }
        }
    }

    @Test
    void optionsSetPortPathUsersPoliciesAndNodes() throws Exception {
        int port = Ports.freePort();
        try (OpcUaEmulator plc = (OpcUaEmulator) factory.create(port, Map.of("nodes", "empty", "path", "/plant",
                "user", "op:pa:ss", "anonymous", "false", "policies", "none"))) {
            plc.start();

            assertThat(plc.uri()).isEqualTo("opc.tcp://127.0.0.1:" + port + "/plant");
            assertThat(plc.variables()).isEmpty();
            List<EndpointDescription> endpoints = MiloClients.endpoints(plc.uri());
            assertThat(endpoints).singleElement().satisfies(d -> {
                assertThat(d.getSecurityPolicyUri()).isEqualTo(SecurityPolicy.None.getUri());
                assertThat(Stream.of(d.getUserIdentityTokens()).map(t -> t.getTokenType()))
                        .containsExactlyInAnyOrder(UserTokenType.UserName, UserTokenType.Certificate);
            });
            OpcUaClient milo = MiloClients.connect(plc.uri(), new UsernameProvider("op", "pa:ss"));
            MiloClients.disconnect(milo);
        }
    }

    @Test
    void invalidOptionsAreRefusedSayingWhatIsAccepted() {
        assertThatThrownBy(() -> factory.create(0, Map.of("colour", "red")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour").hasMessageContaining("nodes");
        assertThatThrownBy(() -> factory.create(0, Map.of("nodes", "all")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demo or empty");
        assertThatThrownBy(() -> factory.create(0, Map.of("user", "nopassword")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name:password");
        assertThatThrownBy(() -> factory.create(0, Map.of("anonymous", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> factory.create(0, Map.of("policies", "Basic512")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Basic512");
        assertThatThrownBy(() -> factory.create(0, Map.of("path", "otsdk")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'/'");
    }
}
