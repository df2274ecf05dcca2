package dev.otsdk.testkit;

import dev.otsdk.testkit.internal.Pem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain, issued by a {@link TestPki}. Immutable.
 *
 * <p>{@link #chain()} starts with the identity's own certificate and ends with the CA certificate that
 * issued it (included), which is what a TLS peer sends and what a {@link KeyStore} key entry holds. A
 * self-signed identity's chain is just its certificate. For PKIX validation, drop the last element
 * (the trust anchor) unless the chain has only one.
 */
public final class TestIdentity {

    private final String name;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    TestIdentity(String name, PrivateKey privateKey, List<X509Certificate> chain) {
        this.name = Objects.requireNonNull(name, "name");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("empty chain");
        }
    }

    /**
     * Returns a short name derived from the subject's common name, safe in file names and as a key
     * store alias.
     *
     * @return e.g. {@code localhost} or {@code operator_1}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the private key.
     *
     * @return the private key matching {@link #certificate()}
     */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * Returns the key pair, for APIs (such as Eclipse Milo's) that take one.
     *
     * @return the certificate's public key with {@link #privateKey()}
     */
    public KeyPair keyPair() {
        return new KeyPair(certificate().getPublicKey(), privateKey);
    }

    /**
     * Returns the identity's own certificate.
     *
     * @return the leaf certificate
     */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /**
     * Returns the certificate chain, leaf first, the issuing CA last (included).
     *
     * @return an immutable list
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * Returns the identity's certificate as PEM.
     *
     * @return one {@code CERTIFICATE} block
     */
    public String certificatePem() {
        return Pem.encode("CERTIFICATE", encoded(certificate()));
    }

    /**
     * Returns the whole chain as PEM, leaf first.
     *
     * @return one {@code CERTIFICATE} block per certificate
     */
    public String chainPem() {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            pem.append(Pem.encode("CERTIFICATE", encoded(certificate)));
        }
        return pem.toString();
    }

    /**
     * Returns the private key as unencrypted PKCS#8 PEM.
     *
     * @return one {@code PRIVATE KEY} block
     */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    /**
     * Returns a PKCS#12 key store holding the key and chain under the alias {@link #name()}.
     *
     * @param password protects the store and the key entry
     * @return a new, loaded key store
     */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(name, privateKey, password, chain.toArray(new X509Certificate[0]));
            return store;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a PKCS#12 key store", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns {@link #keyStore(char[])} serialized, as a {@code .p12} file holds it.
     *
     * @param password protects the store and the key entry
     * @return the PKCS#12 bytes
     */
    public byte[] pkcs12(char[] password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            keyStore(password).store(out, password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write a PKCS#12 key store", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the certificate, the chain and the private key as PEM files named after {@link #name()}:
     * {@code NAME.cert.pem}, {@code NAME.chain.pem} and {@code NAME.key.pem}. The directory is created if
     * needed; existing files are replaced.
     *
     * @param directory where to write
     * @return the paths written
     * @throws UncheckedIOException if writing fails
     */
    public PemFiles writeTo(Path directory) {
        try {
            Files.createDirectories(directory);
            PemFiles files = new PemFiles(directory.resolve(name + ".cert.pem"),
                    directory.resolve(name + ".chain.pem"), directory.resolve(name + ".key.pem"));
            Files.writeString(files.certificate(), certificatePem(), StandardCharsets.US_ASCII);
            Files.writeString(files.chain(), chainPem(), StandardCharsets.US_ASCII);
            Files.writeString(files.privateKey(), privateKeyPem(), StandardCharsets.US_ASCII);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + name + " to " + directory, e);
        }
    }

    @Override
    public String toString() {
        return "TestIdentity[" + certificate().getSubjectX500Principal().getName() + "]";
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The PEM files {@link #writeTo(Path)} wrote.
     *
     * @param certificate the identity's certificate
     * @param chain the chain, leaf first
     * @param privateKey the PKCS#8 private key, unencrypted
     */
    public record PemFiles(Path certificate, Path chain, Path privateKey) {
    }
}
