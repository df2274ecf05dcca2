package dev.otsdk.testkit.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import dev.otsdk.testkit.TestIdentity;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;

/** Eclipse Milo's own OPC UA client, an implementation independent of the SDK's, set up for emulator tests. */
final class MiloClients {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private MiloClients() {
    }

    /** Connects anonymously over security policy None. */
    static OpcUaClient connect(String uri) throws UaException {
        return connect(uri, new AnonymousProvider());
    }

    /** Connects over security policy None as the given user. */
    static OpcUaClient connect(String uri, IdentityProvider user) throws UaException {
        return connect(uri, SecurityPolicy.None, MessageSecurityMode.None, c -> c.setIdentityProvider(user));
    }

    /** Connects to the endpoint with this policy and mode, configured further by {@code configure}. */
    static OpcUaClient connect(String uri, SecurityPolicy policy, MessageSecurityMode mode,
            Consumer<OpcUaClientConfigBuilder> configure) throws UaException {
        OpcUaClient client = OpcUaClient.create(uri,
                endpoints -> endpoints.stream()
                        .filter(e -> Objects.equals(e.getSecurityPolicyUri(), policy.getUri())
                                && e.getSecurityMode() == mode)
                        .findFirst(),
                transport -> { },
                config -> {
                    config.setRequestTimeout(uint(REQUEST_TIMEOUT.toMillis()));
                    configure.accept(config);
                });
        try {
            return client.connect();
        } catch (UaException | RuntimeException e) {
            disconnect(client);
            throw e;
        }
    }

    /** Configures a client application instance certificate for a secure channel. */
    static Consumer<OpcUaClientConfigBuilder> applicationInstance(TestIdentity app, String applicationUri) {
        return c -> c.setKeyPair(app.keyPair())
                .setCertificate(app.certificate())
                .setCertificateChain(app.chain().toArray(new X509Certificate[0]))
                .setApplicationUri(applicationUri);
    }

    /** Asks the server for its endpoints (GetEndpoints, no session). */
    static List<EndpointDescription> endpoints(String uri) throws Exception {
        return DiscoveryClient.getEndpoints(uri).get(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    static void disconnect(OpcUaClient client) {
        try {
            client.disconnect();
        } catch (UaException | RuntimeException e) {
            // already gone: nothing to release
        }
    }

    static DataValue readValue(OpcUaClient client, String nodeId) throws UaException {
        return client.readValue(0, TimestampsToReturn.Both, NodeId.parse(nodeId));
    }

    static DataValue readAttribute(OpcUaClient client, NodeId node, AttributeId attribute) throws UaException {
        ReadValueId id = new ReadValueId(node, attribute.uid(), null, QualifiedName.NULL_VALUE);
        return client.read(0, TimestampsToReturn.Neither, List.of(id)).getResults()[0];
    }

    static StatusCode write(OpcUaClient client, String nodeId, Object miloValue) throws UaException {
        return client.writeValues(List.of(NodeId.parse(nodeId)), List.of(DataValue.valueOnly(new Variant(miloValue))))
                .get(0);
    }

    static StatusCode writeRange(OpcUaClient client, String nodeId, String indexRange, Object miloValue)
            throws UaException {
        WriteValue w = new WriteValue(NodeId.parse(nodeId), AttributeId.Value.uid(), indexRange,
                DataValue.valueOnly(new Variant(miloValue)));
        return client.write(List.of(w)).getResults()[0];
    }
}
