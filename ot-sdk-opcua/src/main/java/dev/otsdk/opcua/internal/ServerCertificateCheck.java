package dev.otsdk.opcua.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates server certificates with Milo's {@link DefaultClientCertificateValidator} against a
 * {@link PkiFolder}'s trust list. An untrusted certificate is written to {@code rejected/} and remembered
 * so the connect error can name the file; with trust-on-first-use (an explicit opt-in) it is instead added
 * to {@code trusted/certs} with a warning. One instance per connection attempt.
 */
final class ServerCertificateCheck implements CertificateValidator {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificateCheck.class);

    private final java.util.function.Supplier<PkiFolder> pkiSource;
    private volatile PkiFolder pki;
    private final List<X509Certificate> trusted;
    private final boolean trustOnFirstUse;
    private final String endpoint;
    private final Quarantine quarantine;
    private volatile Rejection rejection;

    /**
     * What was refused.
     *
     * @param certificate the server's certificate
     * @param file where it was saved, or {@code null}
     * @param reason the validator's message
     */
    record Rejection(X509Certificate certificate, Path file, String reason) {
    }

    /**
     * @param pki opens the PKI folder, on the first validation (unsecured sessions never touch it)
     * @param trusted certificates trusted in code
     * @param trustOnFirstUse whether unknown certificates are trusted and remembered
     * @param endpoint the session URI, for messages
     */
    ServerCertificateCheck(java.util.function.Supplier<PkiFolder> pki, List<X509Certificate> trusted,
            boolean trustOnFirstUse, String endpoint) {
        this.pkiSource = pki;
        this.trusted = List.copyOf(trusted);
        this.trustOnFirstUse = trustOnFirstUse;
        this.endpoint = endpoint;
        this.quarantine = new Quarantine();
    }

    /**
     * A validator for one chain. The CA certificates the server sends along count as issuers (never as
     * trusted): trusting a server's own certificate is then enough, as people expect, while a chain
     * with no trusted certificate in it is still refused.
     */
    private DefaultClientCertificateValidator delegate(List<X509Certificate> chain) {
        if (pki == null) {
            pki = pkiSource.get();
        }
        List<X509Certificate> sentIssuers = chain.size() > 1 ? chain.subList(1, chain.size()) : List.of();
        return new DefaultClientCertificateValidator(new FolderTrustList(pki, trusted, sentIssuers), quarantine);
    }

    @Override
    public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String[] hostnames)
            throws UaException {
        quarantine.first = null;
        DefaultClientCertificateValidator delegate = delegate(chain);
        try {
            delegate.validateCertificateChain(chain, applicationUri, hostnames);
        } catch (UaException e) {
            Path saved = quarantine.first;
            if (saved != null && trustOnFirstUse) {
                Path trusted = PkiFolder.writeCertificate(pki.trustedCerts(), chain.get(0));
                deleteQuietly(saved);
                LOG.warn("trust-on-first-use: trusting the server certificate of {} ({}), saved as {}. Anyone able to"
                        + " intercept this first connection could have supplied it.", endpoint,
                        chain.get(0).getSubjectX500Principal().getName(), trusted);
                delegate.validateCertificateChain(chain, applicationUri, hostnames);
                return;
            }
            rejection = new Rejection(chain.get(0), saved, e.getMessage());
            throw e;
        }
    }

    /** @return what the last validation refused, or {@code null} */
    Rejection rejection() {
        return rejection;
    }

    PkiFolder pki() {
        return pki;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            LOG.debug("cannot delete {}: {}", p, e.toString());
        }
    }

    /** Writes refused certificates to {@code rejected/}, remembering the leaf's file. */
    private final class Quarantine implements CertificateQuarantine {
        private volatile Path first;

        @Override
        public List<X509Certificate> getRejectedCertificates() {
            return List.of();
        }

        @Override
        public void addRejectedCertificate(X509Certificate certificate) {
            Path p = PkiFolder.writeCertificate(pki.rejected(), certificate);
            if (first == null) {
                first = p;
            }
        }

        @Override
        public void removeRejectedCertificate(X509Certificate certificate) {
            deleteQuietly(pki.rejected().resolve(PkiFolder.fileName(certificate)));
        }
    }
}
