package dev.otsdk.opcua.internal;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import dev.otsdk.api.ConnectionException;
import dev.otsdk.api.Credentials;
import dev.otsdk.api.KeyMaterial;
import dev.otsdk.api.OtException;
import dev.otsdk.spi.ConnectionListener;
import dev.otsdk.spi.DriverConnection;
import dev.otsdk.spi.IoRuntime;
import dev.otsdk.spi.Timeouts;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.identity.X509IdentityProvider;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransport;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfig;
import org.eclipse.milo.opcua.stack.transport.client.tcp.OpcTcpClientTransportConfigBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection attempt: GetEndpoints, choose an endpoint (rewritten to the host and port the user
 * gave, since servers often advertise a name the client cannot resolve), load or create the application
 * certificate, build a Milo client on the shared resources and activate a session. A failed attempt
 * disconnects its client, because a Milo client otherwise keeps trying to reconnect by itself.
 */
final class Connector {

    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    private final OpcUaSettings settings;
    private final IoRuntime io;

    Connector(OpcUaSettings settings, IoRuntime io) {
        this.settings = settings;
        this.io = io;
    }

    /** What the endpoint choice decided. */
    private record Plan(EndpointDescription endpoint, ServerCertificateCheck check, Path ownCertificate,
            OpcUaClientConfig config) {
    }

    CompletableFuture<DriverConnection> connect(ConnectionListener listener) {
        ExecutorService executor = SharedMiloResources.executorFor(io);
        Consumer<OpcTcpClientTransportConfigBuilder> transport = SharedMiloResources.transport(io, executor,
                settings.connectTimeout());
        CompletableFuture<List<EndpointDescription>> endpoints;
        try {
            endpoints = DiscoveryClient.getEndpoints(settings.endpointUrl(), transport);
        } catch (RuntimeException e) {
            endpoints = CompletableFuture.failedFuture(e);
        }
        return endpoints
                .handle((list, err) -> {
                    if (err != null) {
                        throw new CompletionException(new ConnectionException("cannot reach the OPC UA server at "
                                + settings.uri() + ": " + Failures.describe(Timeouts.unwrap(err)),
                                Timeouts.unwrap(err)));
                    }
                    return list;
                })
                // Loading or generating the application certificate does file I/O: not on an I/O thread.
                .thenApplyAsync(this::plan, io.callbackExecutor())
                .thenCompose(plan -> activate(plan, transport, listener));
    }

    private Plan plan(List<EndpointDescription> endpoints) {
        UserTokenType tokenType = tokenType(settings.credentials());
        EndpointDescription chosen = EndpointSelector.select(endpoints, settings.policy(), settings.mode(), tokenType,
                settings.uri());
        EndpointDescription endpoint = EndpointUtil.updateUrl(chosen, settings.host(), settings.port());
        SecurityPolicy policy = EndpointSelector.policyOf(endpoint).orElse(SecurityPolicy.None);
        if (EndpointSelector.AUTO.equals(settings.policy()) && policy == SecurityPolicy.None) {
            LOG.warn("{}: the server offers no secure endpoint usable here; connecting without security", settings.uri());
        }
        if (OpcUaDriver.POLICIES.indexOf(policy.name()) >= 5) {
            LOG.warn("{}: using deprecated security policy {} because it was asked for", settings.uri(), policy);
        }
        PkiSource pki = new PkiSource(settings.pkiDirectory());
        ServerCertificateCheck check = new ServerCertificateCheck(pki::get, settings.trusted(),
                settings.trustOnFirstUse(), settings.uri());

        OpcUaClientConfigBuilder b = OpcUaClientConfig.builder()
                .setEndpoint(endpoint)
                .setDiscoveryEndpoints(endpoints)
                .setApplicationName(LocalizedText.english("OT SDK"))
                .setProductUri("urn:dev.otsdk:ot-sdk")
                .setSessionName(() -> "otsdk " + settings.uri())
                .setCertificateValidator(check)
                .setIdentityProvider(identity(settings.credentials(), check))
                .setRequestTimeout(uint(millis(settings.requestTimeout())))
                .setSessionTimeout(uint(millis(settings.sessionTimeout())))
                .setKeepAliveInterval(uint(millis(settings.keepAlive())))
                .setKeepAliveTimeout(uint(millis(settings.requestTimeout())))
                .setKeepAliveFailuresAllowed(uint(1));
        Path ownCertificate = null;
        KeyMaterial own = settings.clientCertificate();
        if (own == null && policy != SecurityPolicy.None) {
            own = pki.get().applicationIdentity(settings.applicationUri());
            ownCertificate = pki.get().ownCerts().resolve("otsdk-client.der");
        }
        if (own != null) {
            X509Certificate cert = own.certificate();
            b.setKeyPair(new KeyPair(cert.getPublicKey(), own.privateKey()))
                    .setCertificate(cert)
                    .setCertificateChain(own.chain().toArray(new X509Certificate[0]))
                    .setApplicationUri(PkiFolder.applicationUri(cert, PkiFolder.defaultApplicationUri()));
        } else {
            b.setApplicationUri(settings.applicationUri() != null ? settings.applicationUri()
                    : PkiFolder.defaultApplicationUri());
        }
        return new Plan(endpoint, check, ownCertificate, b.build());
    }

    private CompletableFuture<DriverConnection> activate(Plan plan,
            Consumer<OpcTcpClientTransportConfigBuilder> transport, ConnectionListener listener) {
        OpcTcpClientTransportConfigBuilder tb = OpcTcpClientTransportConfig.newBuilder();
        transport.accept(tb);
        OpcUaClient client = new OpcUaClient(plan.config(), new OpcTcpClientTransport(tb.build()));
        CompletableFuture<DriverConnection> out = new CompletableFuture<>();
        // Bounded here as well as by the runtime: a client whose first connect never finishes must be
        // disconnected, or Milo keeps reconnecting it in the background.
        Timeouts.within(client.connectAsync(), io.timer(), settings.connectTimeout(),
                "connect to " + settings.uri()).whenComplete((c, err) -> {
            if (err != null) {
                OtException failure = Failures.connect(err, settings.uri(), plan.check(), plan.ownCertificate());
                client.disconnectAsync().whenComplete((x, e) -> out.completeExceptionally(failure));
                return;
            }
            OperationLimitsReader.read(client, io, settings).whenComplete((limits, e) -> {
                OpcUaConnection connection = new OpcUaConnection(client, settings, io, listener, limits,
                        plan.endpoint());
                if (!out.complete(connection)) {
                    connection.close();
                }
            });
        });
        return out;
    }

    private static UserTokenType tokenType(Credentials c) {
        if (c instanceof Credentials.UsernamePassword) {
            return UserTokenType.UserName;
        }
        return c instanceof Credentials.Certificate ? UserTokenType.Certificate : UserTokenType.Anonymous;
    }

    private static IdentityProvider identity(Credentials c, ServerCertificateCheck check) {
        if (c instanceof Credentials.UsernamePassword up) {
            // Milo's two-argument constructor would check the server certificate with its insecure validator.
            return new UsernameProvider(up.user(), new String(up.password()), check);
        }
        if (c instanceof Credentials.Certificate x) {
            return new X509IdentityProvider(x.certificate(), x.privateKey());
        }
        return AnonymousProvider.INSTANCE;
    }

    private static long millis(Duration d) {
        return Math.max(1, Math.min(0xFFFF_FFFFL, d.toMillis()));
    }

    /** Opens the PKI folder once, when first needed. */
    private static final class PkiSource {
        private final Path root;
        private PkiFolder pki;

        PkiSource(Path root) {
            this.root = root;
        }

        synchronized PkiFolder get() {
            if (pki == null) {
                pki = PkiFolder.open(root);
            }
            return pki;
        }
    }
}
