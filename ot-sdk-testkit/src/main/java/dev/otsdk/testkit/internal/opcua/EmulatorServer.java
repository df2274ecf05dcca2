package dev.otsdk.testkit.internal.opcua;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_X509;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.CompositeValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.X509IdentityValidator;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;

/** Builds the Milo server behind an emulator from its settings. */
public final class EmulatorServer {

    /** The product URI in BuildInfo. */
    public static final String PRODUCT_URI = "urn:dev.otsdk:opcua-emulator";

    static {
        // Milo limits every server in the JVM to 4 connection attempts per second and address; tests
        // and benchmarks connect from 127.0.0.1 far more often. Effective before the first bind only.
        Stack.ConnectionLimits.RATE_LIMIT_ENABLED = false;
    }

    private EmulatorServer() {
    }

    /**
     * What a server is built from.
     *
     * @param port the port to bind (not 0)
     * @param path the endpoint path, e.g. {@code /otsdk}
     * @param privateKey the server's private key
     * @param chain the server's certificate chain, leaf first
     * @param userCa the CA whose user certificates are accepted, or {@code null}
     * @param policies security policy names offered besides None
     * @param anonymous whether anonymous users may connect
     * @param users user names and passwords
     * @param trustedClients client application certificates accepted; empty accepts every client
     * @param clientIssuer a CA whose certificates complete the chain of a trusted client certificate it issued,
     *     without trusting the other certificates it issued
     * @param namespaceUri the emulator's namespace URI
     * @param clock the clock
     */
    public record Settings(int port, String path, PrivateKey privateKey, List<X509Certificate> chain,
            X509Certificate userCa, List<String> policies, boolean anonymous, Map<String, String> users,
            List<X509Certificate> trustedClients, X509Certificate clientIssuer, String namespaceUri, Clock clock) {
    }

    /**
     * A server and its namespace, not yet started.
     *
     * @param server the Milo server
     * @param namespace the emulator's namespace
     */
    public record Built(OpcUaServer server, EmulatorNamespace namespace) {
    }

    /**
     * Builds a server.
     *
     * @param s the settings
     * @param specs the variables
     * @param values the shared value map
     * @param onWrite told about client writes
     * @param gate tracks and pauses connections
     * @return the server and namespace
     * @throws Exception if Milo refuses the configuration
     */
    public static Built build(Settings s, List<VariableSpec> specs, Map<String, Object> values,
            BiConsumer<String, Object> onWrite, ChannelGate gate) throws Exception {
        X509Certificate certificate = s.chain().get(0);
        X509Certificate[] chain = s.chain().toArray(new X509Certificate[0]);
        MemoryCertificateStore store = new MemoryCertificateStore();
        store.set(NodeIds.RsaSha256ApplicationCertificateType, new CertificateStore.Entry(s.privateKey(), chain));
        RsaSha256CertificateFactory factory = new RsaSha256CertificateFactory() {
            @Override
            protected KeyPair createRsaSha256KeyPair() {
                return new KeyPair(certificate.getPublicKey(), s.privateKey());
            }

            @Override
            protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair) {
                return chain;
            }
        };
        MemoryTrustListManager trust = new MemoryTrustListManager();
        trust.setTrustedCertificates(s.trustedClients());
        // Milo builds a path to a trust anchor: a trusted certificate issued by a CA needs that CA as issuer.
        trust.setIssuerCertificates(List.of(s.clientIssuer()));
        MemoryCertificateQuarantine quarantine = new MemoryCertificateQuarantine();
        CertificateValidator clients = s.trustedClients().isEmpty() ? (c, uri, hosts) -> { }
                : new DefaultServerCertificateValidator(trust, quarantine);
        DefaultApplicationGroup group = DefaultApplicationGroup.createAndInitialize(trust, store, factory, clients);

        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(applicationUri(certificate))
                .setApplicationName(LocalizedText.english("OT SDK OPC UA emulator"))
                .setProductUri(PRODUCT_URI)
                .setBuildInfo(new BuildInfo(PRODUCT_URI, "OT SDK", "OT SDK OPC UA emulator", "1.0.0", "1",
                        DateTime.now()))
                .setEndpoints(endpoints(s, certificate))
                .setCertificateManager(new DefaultCertificateManager(quarantine, group))
                .setIdentityValidator(identities(s))
                .build();
        OpcUaServer server = new OpcUaServer(config, profile -> new OpcTcpServerTransport(
                OpcTcpServerTransportConfig.newBuilder().setChannelPipelineCustomizer(gate).build()));
        EmulatorNamespace ns = new EmulatorNamespace(server, s.namespaceUri(), specs, values, onWrite, s.clock());
        ns.startup();
        return new Built(server, ns);
    }

    private static String applicationUri(X509Certificate c) {
        try {
            var sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (Objects.equals(san.get(0), 6)) {
                        return (String) san.get(1);
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new IllegalArgumentException("unreadable server certificate", e);
        }
        return "urn:otsdk:emulator";
    }

    private static Set<EndpointConfig> endpoints(Settings s, X509Certificate certificate) {
        Set<EndpointConfig> out = new LinkedHashSet<>();
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress("127.0.0.1")
                .setBindPort(s.port())
                .setHostname("127.0.0.1")
                .setPath(s.path())
                .setCertificate(certificate);
        if (s.anonymous()) {
            base.addTokenPolicy(USER_TOKEN_POLICY_ANONYMOUS);
        }
        if (!s.users().isEmpty()) {
            base.addTokenPolicy(USER_TOKEN_POLICY_USERNAME);
        }
        if (s.userCa() != null) {
            base.addTokenPolicy(USER_TOKEN_POLICY_X509);
        }
        out.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build());
        for (String name : s.policies()) {
            SecurityPolicy p = SecurityPolicy.valueOf(name);
            for (MessageSecurityMode m : List.of(MessageSecurityMode.Sign, MessageSecurityMode.SignAndEncrypt)) {
                out.add(base.copy().setSecurityPolicy(p).setSecurityMode(m).build());
            }
        }
        return out;
    }

    private static IdentityValidator identities(Settings s) {
        List<IdentityValidator> v = new ArrayList<>();
        if (s.anonymous()) {
            v.add(AnonymousIdentityValidator.INSTANCE);
        }
        if (!s.users().isEmpty()) {
            v.add(new UsernameIdentityValidator(c -> c.getPassword() != null
                    && c.getPassword().equals(s.users().get(c.getUsername()))));
        }
        if (s.userCa() != null) {
            v.add(new X509IdentityValidator(c -> signedBy(c, s.userCa())));
        }
        return new CompositeValidator(v);
    }

    private static boolean signedBy(X509Certificate c, X509Certificate ca) {
        try {
            c.checkValidity();
            c.verify(ca.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
