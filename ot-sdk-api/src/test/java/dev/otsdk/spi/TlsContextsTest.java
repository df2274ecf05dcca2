package dev.otsdk.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otsdk.api.ConnectionException;
import dev.otsdk.api.OtException;
import dev.otsdk.api.OtSecurityException;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.TestCertificates;
import dev.otsdk.api.TlsProvider;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real TLS handshakes between a Netty client and server on loopback, with certificates from a test CA.
 *
 * <p>Observed behaviour worth knowing (JDK 17 and BouncyCastle JSSE 1.84, TLS 1.3): when the server
 * requires a client certificate and the client has none, the <em>client's</em> handshake completes (in
 * TLS 1.3 the client is done once it has sent its Finished), and the server's alert arrives afterwards
 * as an exception on the first read ({@code DecoderException} wrapping an {@link SSLException}), closing
 * the channel. The JDK server sends {@code bad_certificate}, BouncyCastle {@code certificate_required};
 * either is classified as {@code CLIENT_CERTIFICATE_REJECTED}. Drivers must therefore treat an exception
 * or close right after the handshake as a handshake failure and run it through
 * {@link TlsContexts#classify}. With TLS 1.2 the client's handshake itself fails. A BouncyCastle client
 * only offers a certificate issued by one of the CAs the server names, so a certificate from another CA
 * is not sent at all and the server answers {@code certificate_required}.
 */
class TlsContextsTest {

    private static final long TIMEOUT_S = 20;

    private static EventLoopGroup group;
    private static TestCertificates.Issued ca;
    private static TestCertificates.Issued otherCa;
    private static TestCertificates.Issued localhost;
    private static TestCertificates.Issued wrongHost;
    private static TestCertificates.Issued client;
    private static TestCertificates.Issued foreignClient;

    @BeforeAll
    static void setUp() {
        group = new NioEventLoopGroup(2);
        ca = TestCertificates.ca("TLS test CA");
        otherCa = TestCertificates.ca("some other CA");
        localhost = TestCertificates.server(ca, "localhost", List.of("localhost"), List.of("127.0.0.1"));
        wrongHost = TestCertificates.server(ca, "plc", List.of("plc.example"), List.of("10.9.8.7"));
        client = TestCertificates.client(ca, "client");
        foreignClient = TestCertificates.client(otherCa, "foreign client");
    }

    @AfterAll
    static void tearDown() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    // ---- harness ----

    /** A TLS echo server; records what the first accepted connection saw. */
    static final class Server implements AutoCloseable {
        final Channel channel;
        final CompletableFuture<Certificate[]> peerCertificates = new CompletableFuture<>();
        final CompletableFuture<Throwable> handshakeFailure = new CompletableFuture<>();
        final List<Channel> children = new CopyOnWriteArrayList<>();

        Server(SslContext context) {
            channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            children.add(ch);
                            SslHandler ssl = context.newHandler(ch.alloc());
                            ssl.handshakeFuture().addListener(f -> {
                                if (f.isSuccess()) {
                                    Certificate[] peer;
                                    try {
                                        peer = ssl.engine().getSession().getPeerCertificates();
                                    } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                                        peer = new Certificate[0];
                                    }
                                    peerCertificates.complete(peer);
                                } else {
                                    handshakeFailure.complete(f.cause());
                                }
                            });
                            ch.pipeline().addLast(ssl, new ChannelInboundHandlerAdapter() {
                                @Override
                                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                    ctx.writeAndFlush(msg); // echo; the write releases msg
                                }

                                @Override
                                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                    handshakeFailure.complete(cause);
                                    ctx.close();
                                }
                            });
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), 0).syncUninterruptibly().channel();
        }

        int port() {
            return ((InetSocketAddress) channel.localAddress()).getPort();
        }

        @Override
        public void close() {
            for (Channel c : children) {
                c.close().syncUninterruptibly();
            }
            channel.close().syncUninterruptibly();
        }
    }

    /** A TLS client made with {@link TlsContexts#clientHandler}; records the handshake and what follows. */
    static final class Client implements AutoCloseable {
        final Endpoint endpoint;
        final Channel channel;
        final SslHandler ssl;
        final CompletableFuture<Void> handshake = new CompletableFuture<>();
        final CompletableFuture<Throwable> failure = new CompletableFuture<>();
        final CompletableFuture<String> received = new CompletableFuture<>();

        Client(SslContext context, String host, int port, boolean verifyHostname) {
            endpoint = new Endpoint("modbus+tls", host, port, "", Map.of(), "modbus+tls://" + host + ":" + port);
            CompletableFuture<SslHandler> handler = new CompletableFuture<>();
            channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            SslHandler h = TlsContexts.clientHandler(context, ch.alloc(), endpoint, verifyHostname,
                                    Duration.ofSeconds(TIMEOUT_S));
                            handler.complete(h);
                            h.handshakeFuture().addListener(f -> {
                                if (f.isSuccess()) {
                                    handshake.complete(null);
                                } else {
                                    handshake.completeExceptionally(f.cause());
                                    failure.complete(f.cause());
                                }
                            });
                            ch.pipeline().addLast(h, new SimpleChannelInboundHandler<ByteBuf>() {
                                @Override
                                protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                    received.complete(msg.toString(StandardCharsets.US_ASCII));
                                }

                                @Override
                                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                    failure.complete(cause);
                                    ctx.close();
                                }
                            });
                        }
                    })
                    .connect(InetAddress.getLoopbackAddress(), port).syncUninterruptibly().channel();
            ssl = handler.join();
        }

        /** Waits for the handshake; returns its failure or null. */
        Throwable awaitHandshake() throws Exception {
            try {
                handshake.get(TIMEOUT_S, TimeUnit.SECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }

        String exchange(String text) throws Exception {
            ByteBuf out = channel.alloc().buffer();
            out.writeCharSequence(text, StandardCharsets.US_ASCII);
            channel.writeAndFlush(out);
            return received.get(TIMEOUT_S, TimeUnit.SECONDS);
        }

        /** The first failure: of the handshake, or an exception on the channel after it. */
        Throwable awaitFailure() throws Exception {
            return failure.get(TIMEOUT_S, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            channel.close().syncUninterruptibly();
        }
    }

    private static SessionOptions.Builder clientOptions(TlsProvider provider) {
        return SessionOptions.builder().tlsProvider(provider);
    }

    private static SslContext serverContext(TestCertificates.Issued identity, boolean requireClientAuth,
            TlsProvider provider) {
        return TlsContexts.server(identity.keyMaterial(), List.of(ca.certificate()), requireClientAuth, provider);
    }

    // ---- successful handshakes ----

    @ParameterizedTest(name = "client {0}, server {1}")
    @CsvSource({"JDK, JDK", "BOUNCY_CASTLE, BOUNCY_CASTLE", "JDK, BOUNCY_CASTLE", "BOUNCY_CASTLE, JDK"})
    void mutualAuthentication(TlsProvider clientProvider, TlsProvider serverProvider) throws Exception {
        SslContext clientCtx = TlsContexts.client(clientOptions(clientProvider).clientCertificate(client.keyMaterial())
                .trust(ca.certificate()).build());
        try (Server server = new Server(serverContext(localhost, true, serverProvider));
                Client c = new Client(clientCtx, "localhost", server.port(), true)) {
            assertThat(c.awaitHandshake()).isNull();
            assertThat(c.exchange("ping")).isEqualTo("ping");
            Certificate[] seen = server.peerCertificates.get(TIMEOUT_S, TimeUnit.SECONDS);
            assertThat(seen).isNotEmpty();
            assertThat(seen[0]).isEqualTo(client.certificate());
            assertThat(c.ssl.engine().getSession().getPeerCertificates()[0]).isEqualTo(localhost.certificate());
            assertThat(c.ssl.engine().getSession().getProtocol()).isEqualTo("TLSv1.3");
        }
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void ipAddressMatchesAnIpSubjectAlternativeName(TlsProvider provider) throws Exception {
        SslContext clientCtx = TlsContexts.client(clientOptions(provider).trust(ca.certificate()).build());
        try (Server server = new Server(serverContext(localhost, false, provider));
                Client c = new Client(clientCtx, "127.0.0.1", server.port(), true)) {
            assertThat(c.awaitHandshake()).isNull();
            assertThat(c.exchange("ip")).isEqualTo("ip");
            assertThat(server.peerCertificates.get(TIMEOUT_S, TimeUnit.SECONDS)).as("no client certificate").isEmpty();
        }
    }

    @Test
    void tls12StillWorks() throws Exception {
        SslContext server12;
        try {
            server12 = SslContextBuilder.forServer(localhost.keys().getPrivate(), localhost.chain())
                    .sslProvider(SslProvider.JDK).protocols("TLSv1.2").build();
        } catch (SSLException e) {
            throw new AssertionError(e);
        }
        SslContext clientCtx = TlsContexts.client(clientOptions(TlsProvider.JDK).trust(ca.certificate()).build());
        try (Server server = new Server(server12); Client c = new Client(clientCtx, "localhost", server.port(), true)) {
            assertThat(c.awaitHandshake()).isNull();
            assertThat(c.ssl.engine().getSession().getProtocol()).isEqualTo("TLSv1.2");
        }
    }

    // ---- server certificate problems ----

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void untrustedServerCertificateIsRejected(TlsProvider provider) throws Exception {
        SslContext clientCtx = TlsContexts.client(clientOptions(provider).trust(otherCa.certificate()).build());
        try (Server server = new Server(serverContext(localhost, false, provider));
                Client c = new Client(clientCtx, "localhost", server.port(), true)) {
            Throwable failure = c.awaitHandshake();
            assertThat(failure).isInstanceOf(SSLException.class);
            OtException e = TlsContexts.classify(failure, c.endpoint);
            assertThat(e).isInstanceOf(OtSecurityException.class);
            assertThat(((OtSecurityException) e).reason()).isEqualTo(OtSecurityException.Reason.CERTIFICATE_REJECTED);
            assertThat(e.getMessage()).startsWith("the server certificate of localhost:" + server.port()
                    + " is not trusted").contains("add its CA with SessionOptions.trust(...)");
            assertThat(e.getCause()).isSameAs(failure);
        }
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void hostnameMismatchIsRejectedWhenVerifying(TlsProvider provider) throws Exception {
        SslContext clientCtx = TlsContexts.client(clientOptions(provider).trust(ca.certificate()).build());
        try (Server server = new Server(serverContext(wrongHost, false, provider));
                Client c = new Client(clientCtx, "localhost", server.port(), true)) {
            Throwable failure = c.awaitHandshake();
            assertThat(failure).isNotNull();
            OtException e = TlsContexts.classify(failure, c.endpoint);
            assertThat(e).as("classified %s", failure).isInstanceOf(OtSecurityException.class);
            assertThat(((OtSecurityException) e).reason()).isEqualTo(OtSecurityException.Reason.CERTIFICATE_REJECTED);
            assertThat(e.getMessage()).contains("does not name this host").contains("hostnameVerification(false)");
        }
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void ipMismatchIsRejectedWhenVerifying(TlsProvider provider) throws Exception {
        SslContext clientCtx = TlsContexts.client(clientOptions(provider).trust(ca.certificate()).build());
        try (Server server = new Server(serverContext(wrongHost, false, provider));
                Client c = new Client(clientCtx, "127.0.0.1", server.port(), true)) {
            OtException e = TlsContexts.classify(c.awaitHandshake(), c.endpoint);
            assertThat(e).isInstanceOf(OtSecurityException.class);
            assertThat(((OtSecurityException) e).reason()).isEqualTo(OtSecurityException.Reason.CERTIFICATE_REJECTED);
            assertThat(e.getMessage()).contains("does not name this host");
        }
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void hostnameMismatchIsAcceptedWithoutVerification(TlsProvider provider) throws Exception {
        SessionOptions options = clientOptions(provider).trust(ca.certificate()).hostnameVerification(false).build();
        SslContext clientCtx = TlsContexts.client(options);
        try (Server server = new Server(serverContext(wrongHost, false, provider));
                Client c = new Client(clientCtx, "localhost", server.port(), options.hostnameVerification())) {
            assertThat(c.awaitHandshake()).isNull();
            assertThat(c.exchange("no check")).isEqualTo("no check");
        }
    }

    @Test
    void withoutVerificationTheChainIsStillChecked() throws Exception {
        SslContext clientCtx = TlsContexts.client(clientOptions(TlsProvider.JDK).trust(otherCa.certificate())
                .hostnameVerification(false).build());
        try (Server server = new Server(serverContext(wrongHost, false, TlsProvider.JDK));
                Client c = new Client(clientCtx, "localhost", server.port(), false)) {
            OtException e = TlsContexts.classify(c.awaitHandshake(), c.endpoint);
            assertThat(((OtSecurityException) e).reason()).isEqualTo(OtSecurityException.Reason.CERTIFICATE_REJECTED);
            assertThat(e.getMessage()).contains("is not trusted");
        }
    }

    // ---- client certificate problems ----

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void missingClientCertificateWithTls13(TlsProvider provider) throws Exception {
        SslContext clientCtx = TlsContexts.client(clientOptions(provider).trust(ca.certificate()).build());
        try (Server server = new Server(serverContext(localhost, true, provider));
                Client c = new Client(clientCtx, "localhost", server.port(), true)) {
            // TLS 1.3: the client's side of the handshake completes ...
            Throwable handshakeFailure = c.awaitHandshake();
            assertThat(handshakeFailure).as("client handshake with TLS 1.3").isNull();
            assertThat(c.ssl.engine().getSession().getProtocol()).isEqualTo("TLSv1.3");
            // ... the server rejects it ...
            assertThat(server.handshakeFailure.get(TIMEOUT_S, TimeUnit.SECONDS)).isNotNull();
            // ... and the client learns it from the alert that follows (JDK server: bad_certificate,
            // BouncyCastle server: certificate_required), which classify() names.
            Throwable failure = c.awaitFailure();
            assertThat(failure.toString() + failure.getCause()).containsAnyOf("bad_certificate", "certificate_required");
            OtException e = TlsContexts.classify(failure, c.endpoint);
            assertThat(e).as("classified %s", failure).isInstanceOf(OtSecurityException.class);
            assertThat(((OtSecurityException) e).reason())
                    .isEqualTo(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED);
            assertThat(e.getMessage()).startsWith("localhost:" + server.port() + " re")
                    .contains("SessionOptions.clientCertificate(...)");
            c.channel.closeFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
        }
    }

    @Test
    void missingClientCertificateWithTls12FailsTheHandshake() throws Exception {
        SslContext server12;
        try {
            server12 = SslContextBuilder.forServer(localhost.keys().getPrivate(), localhost.chain())
                    .sslProvider(SslProvider.JDK).protocols("TLSv1.2").trustManager(ca.certificate())
                    .clientAuth(ClientAuth.REQUIRE).build();
        } catch (SSLException e) {
            throw new AssertionError(e);
        }
        SslContext clientCtx = TlsContexts.client(clientOptions(TlsProvider.JDK).trust(ca.certificate()).build());
        try (Server server = new Server(server12); Client c = new Client(clientCtx, "localhost", server.port(), true)) {
            Throwable failure = c.awaitHandshake();
            assertThat(failure).isInstanceOf(SSLHandshakeException.class);
            OtException e = TlsContexts.classify(failure, c.endpoint);
            assertThat(e).as("classified %s", failure).isInstanceOf(OtSecurityException.class);
            assertThat(((OtSecurityException) e).reason())
                    .isEqualTo(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED);
        }
    }

    @ParameterizedTest
    @EnumSource(TlsProvider.class)
    void clientCertificateFromAnUntrustedCaIsRejected(TlsProvider provider) throws Exception {
        SslContext clientCtx = TlsContexts.client(clientOptions(provider).clientCertificate(foreignClient.keyMaterial())
                .trust(ca.certificate()).build());
        try (Server server = new Server(serverContext(localhost, true, provider));
                Client c = new Client(clientCtx, "localhost", server.port(), true)) {
            assertThat(server.handshakeFailure.get(TIMEOUT_S, TimeUnit.SECONDS)).isNotNull();
            Throwable failure = c.awaitFailure();
            OtException e = TlsContexts.classify(failure, c.endpoint);
            assertThat(e).as("classified %s", failure).isInstanceOf(OtSecurityException.class);
            assertThat(((OtSecurityException) e).reason())
                    .isEqualTo(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED);
            // the JDK client sends the certificate and the server rejects it; the BouncyCastle client only
            // offers certificates from the CAs the server asks for, so it sends none (certificate_required)
            assertThat(e.getMessage()).contains("SessionOptions.clientCertificate(...)")
                    .contains("issued by a CA the server trusts");
        }
    }

    // ---- classify() on its own ----

    private static final Endpoint EP = new Endpoint("modbus+tls", "plc", 802, "", Map.of(), "modbus+tls://plc");

    @Test
    void classifyBranches() {
        OtException e = TlsContexts.classify(new SSLHandshakeException("x") {
            {
                initCause(new CertificateException(new CertPathValidatorException("expired")));
            }
        }, EP);
        assertThat(((OtSecurityException) e).reason()).isEqualTo(OtSecurityException.Reason.CERTIFICATE_REJECTED);
        assertThat(e.getMessage()).contains("plc:802 is not trusted");

        e = TlsContexts.classify(new SSLHandshakeException("No name matching plc found"), EP);
        assertThat(((OtSecurityException) e).reason()).isEqualTo(OtSecurityException.Reason.CERTIFICATE_REJECTED);
        assertThat(e.getMessage()).contains("does not name this host");

        e = TlsContexts.classify(new SSLException("Received fatal alert: certificate_required"), EP);
        assertThat(((OtSecurityException) e).reason())
                .isEqualTo(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED);
        assertThat(e.getMessage()).startsWith("plc:802 requires a client certificate and got none it accepts");
        e = TlsContexts.classify(new SSLException("org.bouncycastle.tls.TlsFatalAlertReceived: certificate_required(116)"),
                EP);
        assertThat(((OtSecurityException) e).reason())
                .isEqualTo(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED);

        // an alert this client raised itself (BouncyCastle names local failures by alert too) is about
        // the server's certificate, not ours
        e = TlsContexts.classify(new SSLException("org.bouncycastle.tls.TlsFatalAlert: bad_certificate(42)") {
            {
                initCause(new CertificateException("bad signature"));
            }
        }, EP);
        assertThat(((OtSecurityException) e).reason()).isEqualTo(OtSecurityException.Reason.CERTIFICATE_REJECTED);

        for (String alert : List.of("bad_certificate", "unknown_ca", "certificate_unknown", "access_denied",
                "certificate_expired")) {
            e = TlsContexts.classify(new SSLException("Received fatal alert: " + alert), EP);
            assertThat(((OtSecurityException) e).reason()).as(alert)
                    .isEqualTo(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED);
            assertThat(e.getMessage()).startsWith("plc:802 rejected this client's certificate (Received fatal alert: "
                    + alert + ")");
        }

        e = TlsContexts.classify(new SSLHandshakeException("y") {
            {
                initCause(new CertificateException("signature check failed"));
            }
        }, EP);
        assertThat(((OtSecurityException) e).reason()).isEqualTo(OtSecurityException.Reason.CERTIFICATE_REJECTED);
        assertThat(e.getMessage()).contains("was rejected");

        for (String msg : List.of("Received fatal alert: protocol_version", "Received fatal alert: handshake_failure",
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)",
                "no cipher suites in common")) {
            e = TlsContexts.classify(new SSLHandshakeException(msg), EP);
            assertThat(((OtSecurityException) e).reason()).as(msg)
                    .isEqualTo(OtSecurityException.Reason.NEGOTIATION_FAILED);
        }

        e = TlsContexts.classify(new java.io.IOException("Connection reset by peer"), EP);
        assertThat(e).isExactlyInstanceOf(ConnectionException.class)
                .hasMessage("TLS handshake with plc:802 failed: Connection reset by peer");

        e = TlsContexts.classify(new SSLException((String) null), EP);
        assertThat(e).isExactlyInstanceOf(ConnectionException.class).hasMessageEndingWith("failed: SSLException");

        Endpoint v6 = new Endpoint("modbus+tls", "fe80::1", 802, "", Map.of(), "modbus+tls://[fe80::1]");
        e = TlsContexts.classify(new java.io.IOException("boom\nsecond line"), v6);
        assertThat(e).hasMessage("TLS handshake with [fe80::1]:802 failed: boom");
    }

    @Test
    void handlerSettings() throws Exception {
        SslContext ctx = TlsContexts.client(SessionOptions.builder().trust(ca.certificate()).build());
        SslHandler verifying = TlsContexts.clientHandler(ctx, io.netty.buffer.ByteBufAllocator.DEFAULT, EP, true,
                Duration.ofMillis(1500));
        SslHandler lax = TlsContexts.clientHandler(ctx, io.netty.buffer.ByteBufAllocator.DEFAULT, EP, false,
                Duration.ZERO);
        try {
            assertThat(verifying.engine().getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
            assertThat(verifying.getHandshakeTimeoutMillis()).isEqualTo(1500);
            assertThat(verifying.engine().getPeerHost()).isEqualTo("plc");
            assertThat(verifying.engine().getPeerPort()).isEqualTo(802);
            assertThat(verifying.engine().getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
            assertThat(lax.engine().getSSLParameters().getEndpointIdentificationAlgorithm()).isNull();
            assertThat(lax.getHandshakeTimeoutMillis()).as("at least 1 ms").isEqualTo(1);
        } finally {
            // never added to a pipeline: free the engines' buffers
            verifying.engine().closeOutbound();
            lax.engine().closeOutbound();
        }
    }

}
