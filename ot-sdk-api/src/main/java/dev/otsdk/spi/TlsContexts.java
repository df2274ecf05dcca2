package dev.otsdk.spi;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.ConnectionException;
import dev.otsdk.api.KeyMaterial;
import dev.otsdk.api.OtException;
import dev.otsdk.api.OtSecurityException;
import dev.otsdk.api.SessionOptions;
import dev.otsdk.api.TlsProvider;
import dev.otsdk.internal.BcJsse;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * TLS set-up shared by drivers (Modbus/TCP Security) and emulators: TLS 1.2 and 1.3 only, the JDK or
 * BouncyCastle JSSE, mutual authentication, host name verification on by default, and handshake
 * failures turned into errors that say what to fix.
 */
public final class TlsContexts {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContexts() {
    }

    /**
     * A client context from session settings: the client certificate (if any) for mutual
     * authentication, the trusted certificates (or the platform's trust store when none are given).
     *
     * @param options the session settings
     * @return the context
     * @throws ConfigurationException if the key material or provider cannot be used
     */
    public static SslContext client(SessionOptions options) {
        SslContextBuilder b = SslContextBuilder.forClient().protocols(PROTOCOLS);
        options.clientCertificate().ifPresent(k -> b.keyManager(k.privateKey(), k.chain()));
        if (!options.trustedCertificates().isEmpty()) {
            b.trustManager(options.trustedCertificates());
        }
        return build(b, options.tlsProvider());
    }

    /**
     * A server context, for emulators and tests.
     *
     * @param key the server's key and chain
     * @param trustedClientIssuers CAs whose client certificates are accepted
     * @param requireClientAuth whether a client certificate is required
     * @param provider the TLS implementation
     * @return the context
     * @throws ConfigurationException if the key material or provider cannot be used
     */
    public static SslContext server(KeyMaterial key, List<X509Certificate> trustedClientIssuers,
            boolean requireClientAuth, TlsProvider provider) {
        SslContextBuilder b = SslContextBuilder.forServer(key.privateKey(), key.chain()).protocols(PROTOCOLS)
                .clientAuth(requireClientAuth ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
        if (!trustedClientIssuers.isEmpty()) {
            b.trustManager(trustedClientIssuers);
        }
        return build(b, provider);
    }

    private static SslContext build(SslContextBuilder b, TlsProvider provider) {
        b.sslProvider(SslProvider.JDK);
        if (provider == TlsProvider.BOUNCY_CASTLE) {
            b.sslContextProvider(BcJsse.provider());
        }
        try {
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new ConfigurationException("cannot set up TLS (" + provider + "): " + e.getMessage(), e);
        }
    }

    /**
     * A client handler for one connection, verifying the server's host name unless switched off.
     *
     * @param context from {@link #client(SessionOptions)}
     * @param allocator the buffer allocator
     * @param endpoint the server, used for SNI and host name verification
     * @param verifyHostname whether the certificate must match the host
     * @param handshakeTimeout how long the handshake may take
     * @return the handler, to be first in the pipeline
     */
    public static SslHandler clientHandler(SslContext context, ByteBufAllocator allocator, Endpoint endpoint,
            boolean verifyHostname, Duration handshakeTimeout) {
        SslHandler handler = context.newHandler(allocator, endpoint.host(), endpoint.port());
        if (verifyHostname) {
            SSLParameters p = handler.engine().getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            handler.engine().setSSLParameters(p);
        }
        handler.setHandshakeTimeoutMillis(Math.max(1, handshakeTimeout.toMillis()));
        return handler;
    }

    /**
     * Turns a failed client handshake into an error that says what to fix.
     *
     * @param failure the handshake failure
     * @param endpoint the server
     * @return an {@link OtSecurityException} for trust and authentication problems, else a
     *     {@link ConnectionException}
     */
    public static OtException classify(Throwable failure, Endpoint endpoint) {
        String where = endpoint.authority();
        String all = messages(failure);
        String lower = all.toLowerCase(Locale.ROOT);
        if (has(failure, CertPathValidatorException.class) || lower.contains("pkix path")
                || lower.contains("unable to find valid certification path")) {
            return new OtSecurityException(OtSecurityException.Reason.CERTIFICATE_REJECTED, "the server certificate of "
                    + where + " is not trusted (" + firstLine(all) + "); add its CA with SessionOptions.trust(...)",
                    failure);
        }
        if (lower.contains("no subject alternative") || lower.contains("no name matching")
                || lower.contains("hostname") && lower.contains("verif")) {
            return new OtSecurityException(OtSecurityException.Reason.CERTIFICATE_REJECTED, "the server certificate of "
                    + where + " does not name this host (" + firstLine(all) + "); connect by a name in its"
                    + " certificate or, for an IP-only device, use hostnameVerification(false)", failure);
        }
        // Alerts name the problem the same way whichever side raised it: only an alert the server sent
        // says something about this client's certificate (JDK: "Received fatal alert: x", BouncyCastle:
        // TlsFatalAlertReceived). A locally raised alert is about the server's certificate.
        boolean received = lower.contains("received fatal alert") || lower.contains("tlsfatalalertreceived");
        if (received && lower.contains("certificate_required")) {
            return new OtSecurityException(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED, where
                    + " requires a client certificate and got none it accepts: set SessionOptions.clientCertificate"
                    + "(...) to a certificate issued by a CA the server trusts", failure);
        }
        if (received && (lower.contains("bad_certificate") || lower.contains("unknown_ca")
                || lower.contains("certificate_unknown") || lower.contains("access_denied")
                || lower.contains("certificate_expired"))) {
            return new OtSecurityException(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED, where
                    + " rejected this client's certificate (" + firstLine(all) + "); check that"
                    + " SessionOptions.clientCertificate(...) is set, valid and issued by a CA the server trusts",
                    failure);
        }
        if (has(failure, CertificateException.class)) {
            return new OtSecurityException(OtSecurityException.Reason.CERTIFICATE_REJECTED, "the server certificate of "
                    + where + " was rejected (" + firstLine(all) + ")", failure);
        }
        if (lower.contains("protocol_version") || lower.contains("handshake_failure")
                || lower.contains("no cipher suites") || lower.contains("no appropriate protocol")) {
            return new OtSecurityException(OtSecurityException.Reason.NEGOTIATION_FAILED, "TLS with " + where
                    + " failed: no common protocol version or cipher suite (" + firstLine(all) + ")", failure);
        }
        return new ConnectionException("TLS handshake with " + where + " failed: " + firstLine(all), failure);
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                if (sb.length() > 0) {
                    sb.append(" / ");
                }
                sb.append(c.getMessage());
            }
        }
        return sb.length() == 0 ? t.getClass().getSimpleName() : sb.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
