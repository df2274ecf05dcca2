package dev.otsdk.opcua.internal;

import dev.otsdk.api.ConfigurationException;
import dev.otsdk.api.KeyMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OPC UA style PKI folder: {@code own/certs} and {@code own/private} (the client's application
 * certificate, generated once and reused), {@code trusted/certs} and {@code trusted/crl} (servers and CAs
 * trusted), {@code issuers/certs} and {@code issuers/crl} (intermediate CAs, not trusted by themselves)
 * and {@code rejected/} (server certificates that were refused, to inspect and move to trusted).
 */
final class PkiFolder {

    private static final Logger LOG = LoggerFactory.getLogger(PkiFolder.class);
    private static final String OWN_NAME = "otsdk-client";
    private static final Object GENERATE_LOCK = new Object();

    private final Path root;

    private PkiFolder(Path root) {
        this.root = root;
    }

    /**
     * Opens a PKI folder, creating its sub-folders.
     *
     * @param root the folder
     * @return the PKI folder
     * @throws ConfigurationException if the folders cannot be created
     */
    static PkiFolder open(Path root) {
        PkiFolder p = new PkiFolder(root.toAbsolutePath().normalize());
        try {
            for (Path d : List.of(p.ownCerts(), p.ownPrivate(), p.trustedCerts(), p.trustedCrl(), p.issuerCerts(),
                    p.issuerCrl(), p.rejected())) {
                Files.createDirectories(d);
            }
        } catch (IOException e) {
            throw new ConfigurationException("cannot create the OPC UA PKI folder " + root + ": " + e.getMessage(), e);
        }
        return p;
    }

    /** @return the default folder, {@code ~/.otsdk/pki/opcua} */
    static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".otsdk", "pki", "opcua");
    }

    Path root() {
        return root;
    }

    Path ownCerts() {
        return root.resolve("own").resolve("certs");
    }

    Path ownPrivate() {
        return root.resolve("own").resolve("private");
    }

    Path trustedCerts() {
        return root.resolve("trusted").resolve("certs");
    }

    Path trustedCrl() {
        return root.resolve("trusted").resolve("crl");
    }

    Path issuerCerts() {
        return root.resolve("issuers").resolve("certs");
    }

    Path issuerCrl() {
        return root.resolve("issuers").resolve("crl");
    }

    Path rejected() {
        return root.resolve("rejected");
    }

    /**
     * The client's application certificate: loaded from {@code own/}, or generated there once (RSA 2048,
     * SHA256withRSA, the application URI and host name in the subject alternative name).
     *
     * @param applicationUri the URI for a new certificate, or {@code null} for the default
     * @return the key and certificate
     */
    KeyMaterial applicationIdentity(String applicationUri) {
        Path cert = ownCerts().resolve(OWN_NAME + ".der");
        Path key = ownPrivate().resolve(OWN_NAME + ".pem");
        synchronized (GENERATE_LOCK) {
            if (Files.exists(cert) && Files.exists(key)) {
                KeyMaterial km = KeyMaterial.fromPem(cert, key);
                LOG.debug("using the OPC UA application certificate {}", cert);
                return km;
            }
            return generate(cert, key, applicationUri != null ? applicationUri : defaultApplicationUri());
        }
    }

    private KeyMaterial generate(Path cert, Path key, String applicationUri) {
        try {
            KeyPair keys = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
            String host = hostName();
            X509Certificate certificate = new SelfSignedCertificateBuilder(keys)
                    .setCommonName("OT SDK Client@" + host)
                    .setOrganization("OT SDK")
                    .setApplicationUri(applicationUri)
                    .addDnsName(host)
                    .setValidityPeriod(Period.ofYears(5))
                    .setSignatureAlgorithm(SelfSignedCertificateBuilder.SA_SHA256_RSA)
                    .build();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            writeAtomically(key, pem.getBytes(StandardCharsets.US_ASCII));
            writeAtomically(cert, certificate.getEncoded());
            LOG.info("generated the OPC UA application certificate {} for {}", cert, applicationUri);
            return KeyMaterial.of(keys.getPrivate(), certificate);
        } catch (Exception e) {
            throw new ConfigurationException("cannot generate the OPC UA application certificate in " + root + ": "
                    + e.getMessage(), e);
        }
    }

    static String defaultApplicationUri() {
        return "urn:" + hostName() + ":otsdk:client";
    }

    /**
     * The application URI of a certificate (its SAN URI).
     *
     * @param certificate the certificate
     * @param fallback used when it has none
     * @return the URI
     */
    static String applicationUri(X509Certificate certificate, String fallback) {
        return CertificateUtil.getSanUri(certificate).orElse(fallback);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /** Writes a certificate to a folder as {@code <name>_<sha1>.der}; returns the file. */
    static Path writeCertificate(Path dir, X509Certificate certificate) {
        try {
            Path file = dir.resolve(fileName(certificate));
            writeAtomically(file, certificate.getEncoded());
            return file;
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fileName(X509Certificate certificate) {
        String cn = certificate.getSubjectX500Principal().getName();
        int i = cn.indexOf("CN=");
        String name = i < 0 ? "certificate" : cn.substring(i + 3).split(",")[0];
        name = name.replaceAll("[^A-Za-z0-9._-]+", "_");
        return (name.isEmpty() ? "certificate" : name) + "_" + thumbprint(certificate) + ".der";
    }

    static String thumbprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), ".tmp-", ".part");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
