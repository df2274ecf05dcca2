package dev.otsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Real mutual-TLS handshakes with the JDK's TLS stack and certificates from {@link TestPki}. */
class TlsHandshakeTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final TestPki PKI = TestPki.create();
    private static final TestPki UNTRUSTED = TestPki.create();
    private static final ExecutorService SERVER_THREAD = Executors.newSingleThreadExecutor();

    @AfterAll
    static void stopServerThread() {
        SERVER_THREAD.shutdownNow();
    }

    @Test
    void mutualTlsSucceedsAndTheServerSeesTheClientsRole() throws Exception {
        try (SSLServerSocket server = server(PKI.server("localhost", "127.0.0.1"))) {
            CompletableFuture<Optional<String>> serverSide = acceptOne(server);

            int reply = connectAndRead(server.getLocalPort(), PKI.client("operator-1", "operator"));

            assertThat(reply).isEqualTo(1);
            assertThat(serverSide.get(10, TimeUnit.SECONDS)).contains("operator");
        }
    }

    @Test
    void theServerRejectsAClientCertificateFromAnotherCa() throws Exception {
        try (SSLServerSocket server = server(PKI.server("127.0.0.1"))) {
            CompletableFuture<Optional<String>> serverSide = acceptOne(server);

            Throwable clientFailure = catchThrowable(
                    () -> connectAndRead(server.getLocalPort(), UNTRUSTED.client("mallory", "operator")));

            Throwable serverFailure = catchThrowable(() -> serverSide.get(10, TimeUnit.SECONDS));
            assertThat(serverFailure).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class);
            assertThat(clientFailure).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theClientRejectsAServerCertificateFromAnotherCa() throws Exception {
        try (SSLServerSocket server = server(UNTRUSTED.server("127.0.0.1"))) {
            CompletableFuture<Optional<String>> serverSide = acceptOne(server);

            Throwable clientFailure = catchThrowable(
                    () -> connectAndRead(server.getLocalPort(), PKI.client("operator-1", "operator")));

            assertThat(clientFailure).isInstanceOf(SSLHandshakeException.class);
            assertThat(catchThrowable(() -> serverSide.get(10, TimeUnit.SECONDS))).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void theClientRejectsAServerCertificateForAnotherHost() throws Exception {
        try (SSLServerSocket server = server(PKI.server("plc.example"))) {
            CompletableFuture<Optional<String>> serverSide = acceptOne(server);

            Throwable clientFailure = catchThrowable(
                    () -> connectAndRead(server.getLocalPort(), PKI.client("operator-1", "operator")));

            assertThat(clientFailure).isInstanceOf(SSLHandshakeException.class);
            assertThat(catchThrowable(() -> serverSide.get(10, TimeUnit.SECONDS))).isInstanceOf(ExecutionException.class);
        }
    }

    private static SSLServerSocket server(TestIdentity identity) throws Exception {
        SSLServerSocket server = (SSLServerSocket) context(identity).getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        server.setSoTimeout(10_000);
        return server;
    }

    /** Accepts one connection, completes the handshake, sends one byte and returns the client's role. */
    private static CompletableFuture<Optional<String>> acceptOne(SSLServerSocket server) {
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        SERVER_THREAD.execute(() -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                X509Certificate client = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                socket.getOutputStream().write(1);
                socket.getOutputStream().flush();
                socket.getInputStream().read(); // wait for the client to close first
                result.complete(TestPki.roleOf(client));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static int connectAndRead(int port, TestIdentity client) throws Exception {
        try (SSLSocket socket = (SSLSocket) context(client).getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // check the server's SAN
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket.getInputStream().read();
        }
    }

    private static SSLContext context(TestIdentity identity) throws GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(identity.keyStore(PASSWORD), PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(PKI.trustStore());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
