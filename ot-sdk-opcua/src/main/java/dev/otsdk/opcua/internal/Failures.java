package dev.otsdk.opcua.internal;

import dev.otsdk.api.ConnectionException;
import dev.otsdk.api.ConnectionLostException;
import dev.otsdk.api.DeviceException;
import dev.otsdk.api.OtException;
import dev.otsdk.api.OtSecurityException;
import dev.otsdk.api.OtTimeoutException;
import dev.otsdk.spi.Timeouts;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;

/** Turns Milo's failures into the SDK's exceptions, with messages that say what to do. */
final class Failures {

    private static final Set<Long> CREDENTIALS = Set.of(StatusCodes.Bad_UserAccessDenied,
            StatusCodes.Bad_IdentityTokenInvalid, StatusCodes.Bad_IdentityTokenRejected,
            StatusCodes.Bad_UserSignatureInvalid);
    private static final Set<Long> CLIENT_CERTIFICATE = Set.of(StatusCodes.Bad_CertificateUntrusted,
            StatusCodes.Bad_SecurityChecksFailed, StatusCodes.Bad_CertificateInvalid,
            StatusCodes.Bad_CertificateUriInvalid, StatusCodes.Bad_CertificateTimeInvalid,
            StatusCodes.Bad_CertificateRevoked, StatusCodes.Bad_CertificateUseNotAllowed);
    private static final Set<Long> NEGOTIATION = Set.of(StatusCodes.Bad_SecurityPolicyRejected,
            StatusCodes.Bad_SecurityModeRejected, StatusCodes.Bad_NoValidCertificates);
    private static final Set<Long> TIMEOUTS = Set.of(StatusCodes.Bad_Timeout, StatusCodes.Bad_RequestTimeout);

    private Failures() {
    }

    static Optional<Long> status(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UaException u) {
                return Optional.of(u.getStatusCode().value());
            }
        }
        return Optional.empty();
    }

    /**
     * Explains a failed connect.
     *
     * @param error Milo's failure
     * @param uri the session URI
     * @param check the server certificate check, or {@code null} for unsecured endpoints
     * @param ownCertificate the client's application certificate file, or {@code null}
     * @return the exception to report
     */
    static OtException connect(Throwable error, String uri, ServerCertificateCheck check, Path ownCertificate) {
        Throwable t = Timeouts.unwrap(error);
        if (t instanceof OtException o) {
            return o;
        }
        ServerCertificateCheck.Rejection r = check == null ? null : check.rejection();
        if (r != null) {
            return certificateRejected(uri, r, check.pki());
        }
        long code = status(t).orElse(0L);
        String name = Statuses.name(code);
        if (CREDENTIALS.contains(code)) {
            return new OtSecurityException(OtSecurityException.Reason.BAD_CREDENTIALS, "the OPC UA server at " + uri
                    + " refused the user identity (" + name + "): check the user name and password or user"
                    + " certificate", t);
        }
        if (CLIENT_CERTIFICATE.contains(code)) {
            return new OtSecurityException(OtSecurityException.Reason.CLIENT_CERTIFICATE_REJECTED,
                    "the OPC UA server at " + uri + " refused this client's application certificate (" + name + ")"
                            + (ownCertificate == null ? "" : ": make the server trust " + ownCertificate
                                    + " (on most servers: move it from the server's rejected folder to its trusted"
                                    + " folder)"), t);
        }
        if (NEGOTIATION.contains(code)) {
            return new OtSecurityException(OtSecurityException.Reason.NEGOTIATION_FAILED, "the OPC UA server at "
                    + uri + " refused the security configuration (" + name + "): " + t.getMessage(), t);
        }
        return new ConnectionException("cannot connect to " + uri + ": " + describe(t), t);
    }

    static OtSecurityException certificateRejected(String uri, ServerCertificateCheck.Rejection r, PkiFolder pki) {
        String subject = r.certificate().getSubjectX500Principal().getName();
        StringBuilder m = new StringBuilder("the server certificate of ").append(uri).append(" is not trusted (")
                .append(subject).append(", SHA-1 ").append(PkiFolder.thumbprint(r.certificate())).append("; ").append(r.reason()).append(")");
        if (r.file() != null) {
            m.append(". It was saved as ").append(r.file()).append(". If you trust this server, move that file to ")
                    .append(pki.trustedCerts()).append(java.io.File.separator)
                    .append(" (or pass the certificate to SessionOptions.Builder.trust(...)) and connect again;"
                            + " SessionOptions.Builder.trustOnFirstUse(true) trusts an unknown server automatically");
            X509Certificate c = r.certificate();
            if (!c.getIssuerX500Principal().equals(c.getSubjectX500Principal())) {
                m.append(". The certificate is issued by ").append(c.getIssuerX500Principal().getName())
                        .append(": that CA's certificate must be in ").append(pki.issuerCerts())
                        .append(" as well (or in trusted/certs, to trust every server it issues)");
            }
        } else {
            m.append(": ").append(r.reason());
        }
        return new OtSecurityException(OtSecurityException.Reason.CERTIFICATE_REJECTED, m.toString(), null);
    }

    /**
     * A failed request: timeouts and lost connections as such, service faults as device errors.
     *
     * @param error Milo's failure
     * @param what the operation, for messages
     * @param timeout the request timeout
     * @return the exception
     */
    static Throwable request(Throwable error, String what, Duration timeout) {
        Throwable t = Timeouts.unwrap(error);
        if (t instanceof OtException) {
            return t;
        }
        Optional<Long> code = status(t);
        if (code.isPresent() && TIMEOUTS.contains(code.get())) {
            return new OtTimeoutException(what, timeout);
        }
        if (code.isPresent() && isConnectionLoss(code.get())) {
            return new ConnectionLostException(what + " failed: " + describe(t), t);
        }
        if (code.isPresent()) {
            return new DeviceException(what, Statuses.of(code.get()));
        }
        return new ConnectionLostException(what + " failed: " + describe(t), t);
    }

    private static boolean isConnectionLoss(long code) {
        return code == StatusCodes.Bad_ConnectionClosed || code == StatusCodes.Bad_SessionClosed
                || code == StatusCodes.Bad_SessionIdInvalid || code == StatusCodes.Bad_SecureChannelClosed
                || code == StatusCodes.Bad_SecureChannelIdInvalid || code == StatusCodes.Bad_NotConnected
                || code == StatusCodes.Bad_ServerNotConnected || code == StatusCodes.Bad_CommunicationError
                || code == StatusCodes.Bad_SessionNotActivated || code == StatusCodes.Bad_Shutdown;
    }

    static String describe(Throwable t) {
        Optional<Long> code = status(t);
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return code.map(c -> Statuses.name(c) + ": " + msg).orElse(msg);
    }
}
