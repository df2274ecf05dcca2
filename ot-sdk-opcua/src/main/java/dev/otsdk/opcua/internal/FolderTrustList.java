package dev.otsdk.opcua.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRL;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.stack.core.security.TrustListManager;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust list of a {@link PkiFolder}, read from disk each time a server certificate is validated (once
 * per secure channel), plus certificates trusted in code and issuers the server sent with its own. Unlike Milo's {@code FileBasedTrustListManager}
 * it starts no watcher thread per session, and a certificate moved into {@code trusted/certs} counts from
 * the very next connection attempt.
 */
final class FolderTrustList implements TrustListManager {

    private static final Logger LOG = LoggerFactory.getLogger(FolderTrustList.class);

    private final PkiFolder pki;
    private final List<X509Certificate> extraTrusted;
    private final List<X509Certificate> extraIssuers;

    FolderTrustList(PkiFolder pki, List<X509Certificate> extraTrusted, List<X509Certificate> extraIssuers) {
        this.pki = pki;
        this.extraTrusted = List.copyOf(extraTrusted);
        this.extraIssuers = List.copyOf(extraIssuers);
    }

    @Override
    public List<X509CRL> getIssuerCrls() {
        return crls(pki.issuerCrl());
    }

    @Override
    public List<X509CRL> getTrustedCrls() {
        return crls(pki.trustedCrl());
    }

    @Override
    public List<X509Certificate> getIssuerCertificates() {
        List<X509Certificate> out = new ArrayList<>(certificates(pki.issuerCerts()));
        out.addAll(extraIssuers);
        return out;
    }

    @Override
    public List<X509Certificate> getTrustedCertificates() {
        List<X509Certificate> out = new ArrayList<>(certificates(pki.trustedCerts()));
        out.addAll(extraTrusted);
        return out;
    }

    @Override
    public void setIssuerCrls(List<X509CRL> issuerCrls) {
        throw readOnly();
    }

    @Override
    public void setTrustedCrls(List<X509CRL> trustedCrls) {
        throw readOnly();
    }

    @Override
    public void setIssuerCertificates(List<X509Certificate> issuerCertificates) {
        throw readOnly();
    }

    @Override
    public void setTrustedCertificates(List<X509Certificate> trustedCertificates) {
        throw readOnly();
    }

    @Override
    public void addIssuerCertificate(X509Certificate certificate) {
        PkiFolder.writeCertificate(pki.issuerCerts(), certificate);
    }

    @Override
    public void addTrustedCertificate(X509Certificate certificate) {
        PkiFolder.writeCertificate(pki.trustedCerts(), certificate);
    }

    @Override
    public boolean removeIssuerCertificate(ByteString thumbprint) {
        throw readOnly();
    }

    @Override
    public boolean removeTrustedCertificate(ByteString thumbprint) {
        throw readOnly();
    }

    @Override
    public DateTime getLastUpdateTime() {
        return DateTime.now();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("edit the PKI folder's files instead");
    }

    private static List<X509Certificate> certificates(Path dir) {
        List<X509Certificate> out = new ArrayList<>();
        for (Path f : files(dir)) {
            try (InputStream in = Files.newInputStream(f)) {
                CertificateFactory cf = CertificateFactory.getInstance("X.509");
                for (var c : cf.generateCertificates(in)) {
                    out.add((X509Certificate) c);
                }
            } catch (IOException | CertificateException e) {
                LOG.warn("skipping {}: not a certificate ({})", f, e.getMessage());
            }
        }
        return out;
    }

    private static List<X509CRL> crls(Path dir) {
        List<X509CRL> out = new ArrayList<>();
        for (Path f : files(dir)) {
            try (InputStream in = Files.newInputStream(f)) {
                for (CRL c : CertificateFactory.getInstance("X.509").generateCRLs(in)) {
                    if (c instanceof X509CRL x) {
                        out.add(x);
                    }
                }
            } catch (IOException | java.security.cert.CRLException | CertificateException e) {
                LOG.warn("skipping {}: not a CRL ({})", f, e.getMessage());
            }
        }
        return out;
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .toList();
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
            return List.of();
        }
    }
}
